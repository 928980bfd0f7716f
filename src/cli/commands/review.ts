import { readFileSync } from 'node:fs';
import {
  checkReview, configuredTransport, mergeReview, openReviewState, parseCommentsFile, reviewerIdentity, saveReviewState, sendMails, stateDir,
  withAnchors, writeReplies, type OpenedState, type Review, type Transport,
} from '../../review/index.js';
import type { PatchSeries } from '../../series/index.js';
import { sanitizeForTerminal } from '../../present/index.js';
import { InputError, UsageError } from '../../util/errors.js';
import type { Command } from '../args.js';
import { loadInput, primarySeries, writeOutput } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

function readComments(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError({ source: path }, `cannot read the comments: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function describeTransport(t: Transport): string {
  if (t.kind === 'smtp') return `SMTP ${t.host}:${t.port}${t.encryption === 'none' ? '' : ` (${t.encryption})`}`;
  return t.kind === 'sendmail' ? t.program : 'git send-email';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The first refusal as one line naming where the comment came from (the file, or the state file). */
function refuse(series: PatchSeries, review: Review, source: (list: 'comments' | 'trailers', index: number) => { source: string; jsonPath: string }): void {
  const refused = checkReview(series, review);
  if (refused.length === 0) return;
  const [first] = refused;
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
  throw new InputError(source(first!.list, first!.index), `${first!.message}${more}`);
}

/** What opening the saved review found, for stderr. */
function describeOpened(o: OpenedState): string {
  const n = `${plural(o.state.comments.length, 'comment')} and ${plural(o.state.trailers.length, 'trailer')}`;
  switch (o.kind) {
    case 'fresh': return `no saved review (${o.path})`;
    case 'resumed': return `saved review: ${n} (${o.path})`;
    case 'moved': return `saved review of v${o.from.version} moved here: ${n} placed (from ${o.fromPath})`;
    case 'foreign': return `the review state at ${o.path} was v${o.found.version} of "${o.found.title}": not applied, moved to ${o.movedTo}`;
  }
}

/**
 * `patchscope review INPUT [--comments FILE.json] [-o replies.mbox] [--send]`: the replies the TUI's
 * `W` writes, from the review state the TUI keeps for this series version (resumed, or moved from an
 * older version). `--comments` adds its comments and trailers to that state, which is saved (atomically):
 * nothing saved is replaced, a comment the state has word for word is not added twice. Every comment
 * must sit on a line the patch shows: the first that does not is refused by name (exit 2) and nothing
 * is written or saved. The summary goes to stderr; the mbox to -o or stdout.
 */
export async function runReview(cmd: Extract<Command, { kind: 'review' }>): Promise<ExitCode> {
  const text = cmd.comments === null ? null : readComments(cmd.comments);
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const me = await reviewerIdentity(cmd.from);
  const file = cmd.comments !== null && text !== null ? { path: cmd.comments, review: parseCommentsFile(cmd.comments, text, me) } : null;
  if (file) refuse(series, file.review, (list, index) => ({ source: file.path, jsonPath: `$.${list}[${index}]` }));
  const opened = openReviewState(stateDir(), set, series, me);
  const saved: Review = { comments: opened.state.comments, trailers: opened.state.trailers };
  refuse(series, saved, (list, index) => ({ source: opened.path, jsonPath: `$.${list}[${index}]` }));
  const merged = mergeReview(saved, file?.review ?? { comments: [], trailers: [] });
  const review = merged.review;
  const log = process.stderr;
  log.write(`${sanitizeForTerminal(describeOpened(opened))}\n`);
  if (file) {
    const same = merged.sameComments + merged.sameTrailers ? `; already saved, not doubled: ${plural(merged.sameComments, 'comment')}, ${plural(merged.sameTrailers, 'trailer')}` : '';
    log.write(`${sanitizeForTerminal(file.path)}: ${plural(merged.comments, 'comment')} and ${plural(merged.trailers, 'trailer')} added${same}\n`);
  }
  const unmatched = opened.state.unmatched.length;
  if (unmatched) log.write(`${plural(unmatched, 'comment')} of v${opened.state.movedFrom?.version ?? '?'} found no place in this version: not in the replies, kept in ${opened.path} (the TUI's u re-attaches or drops them)\n`);
  const left = opened.state.trailersLeft.length;
  if (left) log.write(`${plural(left, 'trailer')} of v${opened.state.movedFrom?.version ?? '?'} not carried (the patch changed or is gone: a review of one version is not one of the next), kept in ${opened.path}\n`);
  if (review.comments.length === 0 && review.trailers.length === 0) {
    throw new UsageError(`nothing to write for v${series.version} of "${sanitizeForTerminal(series.title)}": no saved review and no --comments (README: Writing the review)`);
  }
  const out = writeReplies(series, review, me);
  // Saved before the mails leave: what was sent is in the review the TUI opens next.
  if (file && (merged.comments + merged.trailers > 0 || opened.kind !== 'resumed')) {
    saveReviewState(opened.path, { ...opened.state, ...withAnchors(series, review), identity: me });
    log.write(`saved: ${plural(review.comments.length, 'comment')} and ${plural(review.trailers.length, 'trailer')} in ${opened.path}\n`);
  }
  if (cmd.output !== null || !cmd.send) writeOutput(cmd.output, out.mbox, 'replies');
  log.write(`${out.mails.length} ${out.mails.length === 1 ? 'reply' : 'replies'} to v${series.version} of "${sanitizeForTerminal(series.title)}": ${plural(review.comments.length, 'comment')}, ${plural(review.trailers.length, 'trailer')}\n`);
  for (const m of out.mails) {
    const n = review.comments.filter((c) => c.patch === m.patch).length;
    const t = m.body.split('\n').filter((l) => review.trailers.some((x) => l === `${x.key}: ${x.value}`));
    const what = [n ? plural(n, 'comment') : '', ...t].filter(Boolean).join(', ');
    log.write(`  ${m.patch === 0 ? 'cover' : String(m.patch).padStart(2, '0')}: ${sanitizeForTerminal(what)} (to ${m.recipients.to.length}, cc ${m.recipients.cc.length})\n`);
  }
  if (!cmd.send) return EXIT_OK;
  const transport = await configuredTransport();
  const sent = await sendMails(transport, out.mails, out.texts);
  log.write(`sent ${sent.mails} mails by ${describeTransport(transport)}\n`);
  return EXIT_OK;
}
