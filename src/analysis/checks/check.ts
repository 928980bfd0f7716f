import type { Patch, PatchSeries } from '../../series/index.js';
import type { FindingLocation, Severity } from '../findings.js';

/** What a check is, for the registry, `--help` and the checkpatch-shaped text output. */
export interface CheckInfo<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** The TYPE checkpatch.pl prints for the same problem (`MISSING_SIGN_OFF`), or one derived from the id. */
  checkpatchType: string;
  description: string;
}

/** Limits a run may tune; the defaults are checkpatch's. */
export interface CheckOptions {
  /** Columns an added code line may take (checkpatch `--max-line-length`, default 100). */
  maxLineLength: number;
  /** Characters a commit-message line may take (checkpatch's fixed 75). */
  maxCommitLineLength: number;
  /** Characters of subject summary (checkpatch has no such check; 75 matches the commit-line rule). */
  maxSubjectLength: number;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = {
  maxLineLength: 100,
  maxCommitLineLength: 75,
  maxSubjectLength: 75,
};

/** One problem a check found; the runner adds the id, the severity and the patch's index and Message-ID. */
export interface CheckHit {
  message: string;
  /** A milder (or stronger) level than the check's own for this hit, when the input says why. */
  severity?: Severity;
  where?: Omit<FindingLocation, 'patch' | 'messageId'>;
  excerpt?: string;
}

/** A series-level hit names its own patch (or none, for the series as a whole). */
export interface SeriesHit extends CheckHit {
  patch?: number;
}

export interface PatchCheckContext {
  series: PatchSeries;
  options: CheckOptions;
}

export interface PatchCheck<Id extends string = string> extends CheckInfo<Id> {
  scope: 'patch';
  run(patch: Patch, ctx: PatchCheckContext): CheckHit[];
}

export interface SeriesCheck<Id extends string = string> extends CheckInfo<Id> {
  scope: 'series';
  run(series: PatchSeries, options: CheckOptions): SeriesHit[];
}

export type Check<Id extends string = string> = PatchCheck<Id> | SeriesCheck<Id>;

/** `missing-signoff` → `MISSING_SIGNOFF`: the TYPE of a finding for which checkpatch has no name of its own. */
export function typeFromId(id: string): string {
  return id.toUpperCase().replace(/-/g, '_');
}

export type CheckSpec<C extends Check> = Omit<C, 'scope' | 'checkpatchType'> & { checkpatchType?: string };

/** Declares a per-patch check; `const Id` keeps the literal id so the registry yields the `CheckId` union. */
export function patchCheck<const Id extends string>(spec: CheckSpec<PatchCheck<Id>>): PatchCheck<Id> {
  return { ...spec, scope: 'patch', checkpatchType: spec.checkpatchType ?? typeFromId(spec.id) };
}

export function seriesCheck<const Id extends string>(spec: CheckSpec<SeriesCheck<Id>>): SeriesCheck<Id> {
  return { ...spec, scope: 'series', checkpatchType: spec.checkpatchType ?? typeFromId(spec.id) };
}
