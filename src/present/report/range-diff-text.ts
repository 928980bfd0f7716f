import type { RangeDiff, RangeDiffEntry, RangeDiffPatchRef, TrailerDelta } from '../../analysis/versions/index.js';
import { sanitizeForTerminal } from '../sanitize.js';

/**
 * A RangeDiff printed the way `git range-diff --no-color` prints one: a header per patch
 * (`1:  abc1234 = 1:  def5678 subject`, `!` changed, `<` only old, `>` only new), then for changed
 * pairs the diff of the two patches indented by four. Subjects are mail text: sanitised.
 */
export interface RangeDiffTextOptions {
  /** Also list the commit-message diff and the review trailers carried or lost (not in git's output). */
  withTrailers?: boolean;
}

const STATUS: Record<RangeDiffEntry['kind'], string> = { same: '=', changed: '!', dropped: '<', added: '>' };

function column(ref: RangeDiffPatchRef | null, width: number, hashWidth: number): string {
  if (!ref) return `${'-'.padStart(width)}:  ${'-'.repeat(hashWidth)}`;
  return `${String(ref.index).padStart(width)}:  ${ref.shortHash}`;
}

function headerLine(entry: RangeDiffEntry, width: number): string {
  const oldRef = entry.kind === 'added' ? null : entry.old;
  const newRef = entry.kind === 'dropped' ? null : entry.new;
  const subject = (newRef ?? oldRef)!.subject;
  const hashWidth = (newRef ?? oldRef)!.shortHash.length;
  const moved = (entry.kind === 'same' || entry.kind === 'changed') && entry.moved ? ' (moved)' : '';
  return `${column(oldRef, width, hashWidth)} ${STATUS[entry.kind]} ${column(newRef, width, hashWidth)} ${sanitizeForTerminal(subject)}${moved}`;
}

function trailerLines(delta: TrailerDelta): string[] {
  const fmt = (sign: string, label: string) => (t: { key: string; value: string }) => `    ${sign} ${label}: ${sanitizeForTerminal(`${t.key}: ${t.value}`)}`;
  return [
    ...delta.carried.map(fmt('=', 'carried')),
    ...delta.lost.map(fmt('-', 'lost')),
    ...delta.added.map(fmt('+', 'new')),
  ];
}

function entryBody(entry: RangeDiffEntry, opts: RangeDiffTextOptions): string[] {
  if (entry.kind !== 'same' && entry.kind !== 'changed') return [];
  const body = entry.kind === 'changed' ? entry.patchDiff.map((l) => `    ${sanitizeForTerminal(l)}`) : [];
  if (!opts.withTrailers) return body;
  const trailers = trailerLines(entry.trailers);
  return trailers.length ? [...body, '    Trailers:', ...trailers] : body;
}

/** git's `decimal_width(1 + max(old, new))`: the width of the patch-number column. */
function numberWidth(diff: RangeDiff): number {
  return String(1 + Math.max(diff.old.total, diff.new.total)).length;
}

export function formatRangeDiff(diff: RangeDiff, opts: RangeDiffTextOptions = {}): string {
  const width = numberWidth(diff);
  const lines = diff.entries.flatMap((e) => {
    const body = entryBody(e, opts);
    return body.length ? [headerLine(e, width), ...body, ''] : [headerLine(e, width)];
  });
  return lines.length ? `${lines.join('\n').replace(/\n+$/, '')}\n` : '';
}
