import type { Finding } from '../../../analysis/index.js';
import type { Patch, PatchSeries } from '../../../series/index.js';
import type { BisectResult, ReviewData, SequenceView } from '../data.js';

/** Findings about one patch: by index, or by Message-ID when the finding carries only that. */
export function findingsForPatch(findings: Finding[], patch: Pick<Patch, 'index' | 'messageId'>): Finding[] {
  return findings.filter((f) => (f.where.messageId ? f.where.messageId === patch.messageId : f.where.patch === patch.index));
}

/** Findings about the series as a whole (no patch, no message): shown in the findings view only. */
export function seriesWideFindings(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.where.patch === undefined && !f.where.messageId);
}

export function countBySeverity(findings: Finding[]): { error: number; warning: number; check: number } {
  const counts = { error: 0, warning: 0, check: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** b4's review badges: Reviewed-by, Acked-by, Tested-by, each person counted once. */
export function trailerBadges(patch: Pick<Patch, 'trailers'>): { R: number; A: number; T: number } {
  const seen = new Set<string>();
  const out = { R: 0, A: 0, T: 0 };
  const letter: Record<string, 'R' | 'A' | 'T'> = { 'reviewed-by': 'R', 'acked-by': 'A', 'tested-by': 'T' };
  for (const t of patch.trailers) {
    const l = letter[t.key.toLowerCase()];
    const who = `${l}:${(t.person?.email ?? t.value).toLowerCase()}`;
    if (!l || seen.has(who)) continue;
    seen.add(who);
    out[l]++;
  }
  return out;
}

export function bisectFor(data: ReviewData, series: PatchSeries, index: number): BisectResult | undefined {
  const b = data.bisect;
  if (!b) return undefined;
  const forThis = b.seriesId === undefined ? series === data.set.series[0] : b.seriesId === series.id;
  return forThis ? b.results.find((r) => r.index === index) : undefined;
}

/**
 * Whether the model's steps and verdicts may be put on this input's patches: not when the plan's
 * binding is about another series (the bundled sequences checked against a real thread, as `verify
 * INPUT` does: the model view shows them, the patches get nothing of them).
 */
export function modelDescribesSeries(data: ReviewData): boolean {
  return data.verify?.binding?.describesSeries ?? true;
}

/** The proposed landing sequence: the first one the plan expects to pass (else the first); none when the plan is about another series. */
export function proposedSequence(data: ReviewData): SequenceView | undefined {
  if (!modelDescribesSeries(data)) return undefined;
  const all = data.verify?.sequences ?? [];
  return all.find((s) => s.expect === 'pass') ?? all[0];
}

/** The step of the proposed landing sequence that carries this patch. */
export function stepOf(data: ReviewData, index: number): { number: number; name: string } | null {
  const seq = proposedSequence(data);
  if (!seq) return null;
  const i = seq.steps.findIndex((s) => s.patches.includes(index));
  return i < 0 ? null : { number: i + 1, name: seq.steps[i]!.name };
}

export function personName(p: { name: string; email: string } | null): string {
  if (!p) return '(unknown)';
  return p.name || p.email;
}

/** `2026-04-13T08:29:00Z` → `2026-04-13 08:29`; anything else as given. */
export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]}` : iso;
}
