import type { Finding } from '../findings.js';

/** Lines apart that still count as the same place (checkpatch and we may point at neighbouring lines of one problem). */
const NEAR = 2;

function samePlace(a: Finding, b: Finding): boolean {
  if (a.where.patch !== b.where.patch) return false;
  const [x, y] = [a.where.bodyLine, b.where.bodyLine];
  return x === undefined || y === undefined || Math.abs(x - y) <= NEAR;
}

/**
 * One finding per problem: a native finding that checkpatch also reported (same patch, TYPE, line ±2) is dropped in
 * favour of checkpatch's own words; every other finding of either tool stays, marked with its source.
 */
export function mergeFindings(native: readonly Finding[], checkpatch: readonly Finding[], typeOf: (f: Finding) => string): Finding[] {
  const unmatched = native.filter((n) => !checkpatch.some((c) => c.type === typeOf(n) && samePlace(n, c)));
  return [...unmatched.map((n) => ({ ...n, source: n.source ?? ('native' as const), type: n.type ?? typeOf(n) })), ...checkpatch];
}
