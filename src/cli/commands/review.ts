import { readFileSync } from 'node:fs';
import {
  checkReview, configuredTransport, parseCommentsFile, reviewerIdentity, sendMails, writeReplies, type Transport,
} from '../../review/index.js';
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

/**
 * `patchscope review INPUT --comments FILE.json [-o replies.mbox] [--send]`: the replies the TUI's
 * "write replies" writes. Every comment must sit on a line the patch shows: the first that does not is
 * refused by name (exit 2) and nothing is written. The summary goes to stderr; the mbox to -o or stdout.
 */
export async function runReview(cmd: Extract<Command, { kind: 'review' }>): Promise<ExitCode> {
  const text = readComments(cmd.comments);
  const set = await loadInput(cmd.input, cmd.common);
  const series = primarySeries(set, cmd.input);
  const me = await reviewerIdentity(cmd.from);
  const review = parseCommentsFile(cmd.comments, text, me);
  if (review.comments.length === 0 && review.trailers.length === 0) throw new UsageError(`${cmd.comments}: no comments and no trailers: nothing to write`);
  const refused = checkReview(series, review);
  if (refused.length > 0) {
    const [first] = refused;
    const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
    throw new InputError({ source: cmd.comments, jsonPath: `$.${first!.list}[${first!.index}]` }, `${first!.message}${more}`);
  }
  const out = writeReplies(series, review, me);
  if (cmd.output !== null || !cmd.send) writeOutput(cmd.output, out.mbox, 'replies');
  const log = process.stderr;
  log.write(`${out.mails.length} replies to v${series.version} of "${sanitizeForTerminal(series.title)}"\n`);
  for (const m of out.mails) {
    const n = review.comments.filter((c) => c.patch === m.patch).length;
    const t = m.body.split('\n').filter((l) => review.trailers.some((x) => l === `${x.key}: ${x.value}`));
    const what = [n ? `${n} comment${n > 1 ? 's' : ''}` : '', ...t].filter(Boolean).join(', ');
    log.write(`  ${m.patch === 0 ? 'cover' : String(m.patch).padStart(2, '0')}: ${sanitizeForTerminal(what)} (to ${m.recipients.to.length}, cc ${m.recipients.cc.length})\n`);
  }
  if (!cmd.send) return EXIT_OK;
  const transport = await configuredTransport();
  const sent = await sendMails(transport, out.mails, out.texts);
  log.write(`sent ${sent.mails} mails by ${describeTransport(transport)}\n`);
  return EXIT_OK;
}
