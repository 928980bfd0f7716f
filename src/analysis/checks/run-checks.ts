import type { Patch, PatchSeries } from '../../series/index.js';
import type { Finding, FindingLocation } from '../findings.js';
import { DEFAULT_CHECK_OPTIONS, type Check, type CheckHit, type CheckOptions, type SeriesHit } from './check.js';
import { CHECK_CRASHED, CHECKS, type CheckId } from './registry.js';

export interface RunChecksOptions extends Partial<CheckOptions> {
  /** Run only these checks. */
  only?: readonly CheckId[];
  /** Skip these checks (checkpatch `--ignore`). */
  skip?: readonly CheckId[];
  /** The checks to choose from; the registry by default (tests and callers with extra checks pass their own). */
  checks?: readonly Check[];
}

/** Location keys a check left undefined are dropped, so findings compare and serialise the same way. */
function location(patch: Patch | undefined, where: CheckHit['where']): FindingLocation {
  const all: FindingLocation = { ...(patch ? { patch: patch.index, messageId: patch.messageId } : {}), ...where };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as FindingLocation;
}

function toFinding(check: Check, hit: CheckHit, patch: Patch | undefined): Finding {
  const finding: Finding = { id: check.id, severity: hit.severity ?? check.severity, where: location(patch, hit.where), message: hit.message };
  return hit.excerpt === undefined ? finding : { ...finding, excerpt: hit.excerpt };
}

function crashed(check: Check, error: unknown, patch: Patch | undefined): Finding {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    id: CHECK_CRASHED.id,
    severity: CHECK_CRASHED.severity,
    where: patch ? { patch: patch.index, messageId: patch.messageId } : {},
    message: `check ${check.id} crashed: ${reason}`,
  };
}

/** A series-level hit that names a patch gets that patch's Message-ID too. */
function seriesFindings(check: Check, hits: SeriesHit[], series: PatchSeries): Finding[] {
  return hits.map(({ patch: index, ...hit }) => {
    const patch = index === undefined ? undefined : series.patches.find((p) => p.index === index);
    const finding = toFinding(check, hit, patch);
    return index !== undefined && !patch ? { ...finding, where: { patch: index, ...finding.where } } : finding;
  });
}

/** Runs one check; a throw becomes a `check-crashed` finding and the run goes on (b4 review/checks.py). */
function runOne(check: Check, series: PatchSeries, options: CheckOptions): Finding[] {
  if (check.scope === 'series') {
    try {
      return seriesFindings(check, check.run(series, options), series);
    } catch (error) {
      return [crashed(check, error, undefined)];
    }
  }
  return series.patches.flatMap((patch) => {
    try {
      return check.run(patch, { series, options }).map((hit) => toFinding(check, hit, patch));
    } catch (error) {
      return [crashed(check, error, patch)];
    }
  });
}

/** Series-wide findings first, then by patch, then by `#N`; registry order breaks ties (the sort is stable). */
function byLocation(a: Finding, b: Finding): number {
  return (a.where.patch ?? -1) - (b.where.patch ?? -1) || (a.where.bodyLine ?? 0) - (b.where.bodyLine ?? 0);
}

/** Runs the checkpatch-style checks over one series: per-series checks once, per-patch checks on every patch. */
export function runChecks(series: PatchSeries, opts: RunChecksOptions = {}): Finding[] {
  const { only, skip, checks = CHECKS, ...limits } = opts;
  const options: CheckOptions = { ...DEFAULT_CHECK_OPTIONS, ...limits };
  const wanted = (c: Check) => (only === undefined || only.includes(c.id as CheckId)) && !skip?.includes(c.id as CheckId);
  const selected = (checks as readonly Check[]).filter(wanted);
  return selected.flatMap((check) => runOne(check, series, options)).sort(byLocation);
}
