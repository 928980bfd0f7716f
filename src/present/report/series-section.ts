import type { Cover, Patch, PatchSeries, Person } from '../../series/index.js';
import { sanitizeForTerminal } from '../sanitize.js';
import { localIsoDate } from '../../ingest/index.js';
import type { Block } from './blocks.js';
import { ownTrailers } from '../../series/index.js';
import { computeReviewState, isReviewKey, type Endorsement, type PatchReviewState } from './review-state.js';

/** The series part of a report: cover, patches with authors, trailers and review state. */

/** Mail text made safe for a terminal, on one line. */
export function clean(text: string): string {
  return sanitizeForTerminal(text).replace(/\s*\n\s*/g, ' ');
}

export function formatPerson(p: Person | null): string {
  if (!p) return '(unknown sender)';
  return clean(p.name ? `${p.name} <${p.email}>` : `<${p.email}>`);
}

/**
 * `2019-08-06 17:01 +0200`: the time in the sender's zone as they wrote it (as git am keeps it), stable whatever
 * the reader's zone; `… UTC` when only the instant is known.
 */
export function formatDate(m: { date: string | null; dateWritten?: string }): string {
  if (m.date === null) return 'no date';
  const local = localIsoDate(m.dateWritten ?? null);
  if (local === null) return `${m.date.slice(0, 10)} ${m.date.slice(11, 16)} UTC`;
  return `${local.slice(0, 10)} ${local.slice(11, 16)} ${local.slice(19, 22)}${local.slice(23, 25)}`;
}

function counter(index: number, total: number): string {
  const width = String(total).length;
  return `${String(index).padStart(width, '0')}/${total}`;
}

function endorsementText(e: Endorsement): string {
  return `${e.key}: ${clean(e.who)}${e.origin === 'patch' ? '' : ` (${e.origin})`}`;
}

function reviewLine(state: PatchReviewState): string {
  switch (state.kind) {
    case 'endorsed': {
      const replies = state.replies ? `; ${state.replies} repl${state.replies === 1 ? 'y' : 'ies'}` : '';
      return `Review: ${state.endorsements.map(endorsementText).join(', ')}${replies}`;
    }
    case 'discussed': {
      const others = state.unattributed.length
        ? `; not applied (given for someone else): ${state.unattributed.map(endorsementText).join(', ')}` : '';
      return `Review: no trailer yet; ${state.replies} repl${state.replies === 1 ? 'y' : 'ies'} from ${state.repliers.map(clean).join(', ')}${others}`;
    }
    case 'silent':
      return 'Review: no replies';
  }
}

/** The patch's own trailers that are not review trailers (those are on the review line). */
function trailerLine(patch: Patch): string[] {
  const own = ownTrailers(patch).filter((t) => !isReviewKey(t.key));
  return own.length ? [`Trailers: ${own.map((t) => clean(`${t.key}: ${t.value}`)).join(', ')}`] : [];
}

function patchItem(series: PatchSeries, patch: Patch, state: PatchReviewState): string[] {
  return [
    `${counter(patch.index, series.total)} ${clean(patch.subject)}`,
    `${formatPerson(patch.author)}, ${formatDate(patch)}`,
    ...trailerLine(patch),
    reviewLine(state),
  ];
}

function coverBlocks(series: PatchSeries, cover: Cover | null): Block[] {
  const facts: string[][] = [];
  if (cover) {
    facts.push([`Cover: ${clean(cover.subject)}`]);
    facts.push([`From ${formatPerson(cover.author)}, ${formatDate(cover)}`]);
    facts.push([`Message-ID: <${clean(cover.messageId)}>`]);
    if (cover.baseCommit) facts.push([`base-commit: ${clean(cover.baseCommit)}`]);
    const names = [...new Set(cover.replies.map((r) => formatPerson(r.author)))];
    facts.push([cover.replies.length ? `Replies to the cover: ${cover.replies.length} (${names.join(', ')})` : 'Replies to the cover: none']);
  } else {
    facts.push(['No cover letter.']);
  }
  if (series.missing.length) facts.push([`Missing patches: ${series.missing.join(', ')}`]);
  if (series.duplicates.length) facts.push([`Sent twice: ${series.duplicates.map((d) => `${d.index} <${clean(d.messageId)}>`).join(', ')}`]);
  return [{ kind: 'list', items: facts }];
}

function versionTitle(series: PatchSeries): string {
  const tags = [series.rfc ? 'RFC' : '', series.resend ? 'RESEND' : ''].filter(Boolean).join(' ');
  return `Version ${series.version}${tags ? ` (${tags})` : ''}: ${series.patches.length} of ${series.total} patches`;
}

export function seriesBlocks(series: PatchSeries): Block[] {
  const review = computeReviewState(series);
  const { endorsed, discussed, silent } = review.counts;
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: versionTitle(series) },
    { kind: 'paragraph', text: `${clean(series.title)}.` },
    ...coverBlocks(series, series.cover),
  ];
  blocks.push({ kind: 'heading', level: 3, text: 'Review state' });
  blocks.push({
    kind: 'table', header: ['Review', 'Patches'],
    rows: [['review trailer', String(endorsed)], ['replies, no trailer', String(discussed)], ['no replies', String(silent)]],
  });
  if (review.coverEndorsements.length) {
    blocks.push({ kind: 'paragraph', text: `For the whole series (on the cover letter): ${review.coverEndorsements.map(endorsementText).join(', ')}.` });
  }
  blocks.push({ kind: 'heading', level: 3, text: 'Patches' });
  blocks.push({ kind: 'list', items: series.patches.map((p, i) => patchItem(series, p, review.patches[i]!)) });
  return blocks;
}
