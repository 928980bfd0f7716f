// Native findings against checkpatch's on the corpus: matched by (patch, TYPE, line ±2), as issue 14 defines.
import { checkInfo, CHECKS, runChecks } from '../../src/analysis/checks/index.js';
import type { Finding } from '../../src/analysis/findings.js';
import type { CorpusPatch, ExpectedFinding } from './corpus-checkpatch.js';

/** The TYPE a native finding is reported as. */
export function typeOf(f: Finding): string {
  return checkInfo(f.id)?.checkpatchType ?? f.id;
}

/** The TYPEs the native checks implement. */
export const NATIVE_TYPES = new Set(CHECKS.map((c) => c.checkpatchType));

export interface NativeOnly {
  thread: string;
  patch: number;
  type: string;
  /** Line in b4's mail file (checkpatch's numbering), or null for a finding about the whole patch or series. */
  line: number | null;
  message: string;
}

export interface Comparison {
  /** Checkpatch findings in TYPEs we implement, and how many of them a native finding matched. */
  expected: number;
  matched: number;
  byType: Map<string, { expected: number; matched: number }>;
  nativeOnly: NativeOnly[];
  /** Native findings that checkpatch reports too. */
  agreed: number;
}

const TOLERANCE = 2;

function lineOf(p: CorpusPatch, f: Finding): number | null {
  if (f.where.bodyLine === undefined) return null;
  return p.fileLine(f.where.bodyLine) ?? null;
}

/** A finding about the whole patch (no line on our side) matches checkpatch's at the end of the file, or any. */
function sameProblem(p: CorpusPatch, f: Finding, e: ExpectedFinding): boolean {
  if (typeOf(f) !== e.type) return false;
  const line = lineOf(p, f);
  return line === null || Math.abs(line - e.line) <= TOLERANCE;
}

export function comparePatch(p: CorpusPatch, native: readonly Finding[], into: Comparison): void {
  const used = new Set<ExpectedFinding>();
  for (const f of native) {
    const hit = p.expected.find((e) => !used.has(e) && sameProblem(p, f, e)) ?? p.expected.find((e) => sameProblem(p, f, e));
    if (hit) {
      used.add(hit);
      into.agreed++;
    } else {
      into.nativeOnly.push({ thread: p.thread, patch: p.index, type: typeOf(f), line: lineOf(p, f), message: f.message });
    }
  }
  for (const e of p.expected) {
    if (!NATIVE_TYPES.has(e.type)) continue;
    const row = into.byType.get(e.type) ?? { expected: 0, matched: 0 };
    row.expected++;
    into.expected++;
    if (native.some((f) => sameProblem(p, f, e))) {
      row.matched++;
      into.matched++;
    }
    into.byType.set(e.type, row);
  }
}

export function emptyComparison(): Comparison {
  return { expected: 0, matched: 0, byType: new Map(), nativeOnly: [], agreed: 0 };
}

function seriesFindings(p: CorpusPatch, cache: Map<object, Finding[]>): Finding[] {
  let all = cache.get(p.series);
  if (all === undefined) {
    all = runChecks(p.series);
    cache.set(p.series, all);
  }
  return all;
}

/** Native findings on one corpus patch. */
export function nativeFindings(p: CorpusPatch, cache: Map<object, Finding[]>): Finding[] {
  return seriesFindings(p, cache).filter((f) => f.where.messageId === p.patch.messageId);
}

/**
 * Findings about the series as a whole (no cover, numbers missing) or its cover letter: checkpatch, which sees one
 * patch at a time, never reports these, so each is native-only (patch 0), listed once per series.
 */
export function seriesWideFindings(p: CorpusPatch, cache: Map<object, Finding[]>, seen: Set<object>): NativeOnly[] {
  if (seen.has(p.series)) return [];
  seen.add(p.series);
  const own = new Set(p.series.patches.map((x) => x.messageId));
  return seriesFindings(p, cache)
    .filter((f) => f.where.messageId === undefined || !own.has(f.where.messageId))
    .map((f) => ({ thread: p.thread, patch: f.where.patch ?? 0, type: typeOf(f), line: null, message: f.message }));
}
