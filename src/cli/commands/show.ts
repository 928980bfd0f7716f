import { toShowJson } from '../../series/index.js';
import { formatShowText, showSeriesText, showTextTail, stringifyJsonSafe, stringifyJsonSafeNested } from '../../present/print/index.js';
import type { TwoPassShow } from '../../archive/index.js';
import type { Command } from '../args.js';
import { loadInput, readShowTwoPass, sayTwoPassSkipped } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

export async function runShow(cmd: Extract<Command, { kind: 'show' }>): Promise<ExitCode> {
  const twoPass = await readShowTwoPass(cmd.input, cmd.common);
  const pieces = twoPass ? await (cmd.json ? showJsonTwoPass(twoPass) : showTextTwoPass(twoPass)) : null;
  if (twoPass !== null && pieces !== null) {
    sayTwoPassSkipped(twoPass, cmd.input);
    for (const p of pieces) process.stdout.write(p);
    return EXIT_OK;
  }
  const set = await loadInput(cmd.input, cmd.common);
  process.stdout.write(cmd.json ? stringifyJsonSafe(toShowJson(set)) : formatShowText(set));
  return EXIT_OK;
}

/**
 * `show --json` with each series serialised as soon as it is built (its bodies then let go), in pieces whose
 * concatenation is the bytes stringifyJsonSafe(toShowJson(set)) writes: the same 2-space layout, the same escapes
 * (they act on single characters, so piece by piece equals all at once). Null when the two passes disagree: the
 * caller reads the input whole instead. `threads`: pass 2's workers (TwoPassShow.build).
 */
export async function showJsonTwoPass(show: TwoPassShow, threads?: number): Promise<(string | Buffer)[] | null> {
  // As UTF-8 bytes: held until every series is built, a two-byte string (any non-Latin-1 name) costs twice.
  const series: Buffer[] = [];
  const unthreaded = await unlessMismatch(show.build((place, s) => {
    // As it stands inside the top-level object's `series` array: two levels deep.
    series[place] = Buffer.from(stringifyJsonSafeNested(s, 2));
  }, threads));
  if (unthreaded === null) return null;
  const skipped = show.skipped.map((s) => ({ source: s.origin.source, index: s.origin.index, messageId: s.messageId, reason: s.reason }));
  const rest = stringifyJsonSafe({ schema: 1, messages: show.messages, series: [], unthreaded, skipped, notes: show.notes });
  const empty = '\n  "series": [],\n';
  const at = rest.indexOf(empty);
  const head = `${rest.slice(0, at)}\n  "series": `;
  const tail = `,\n${rest.slice(at + empty.length)}`;
  if (series.length === 0) return [head, '[]', tail];
  return [head, '[\n    ', ...series.flatMap((s, i) => (i === 0 ? [s] : [',\n    ', s])), '\n  ]', tail];
}

/**
 * Plain `show` with each series formatted as soon as it is built (its bodies then let go), in pieces whose
 * concatenation is formatShowText(set). Null when the two passes disagree: the caller reads the input whole.
 */
export async function showTextTwoPass(show: TwoPassShow): Promise<(string | Buffer)[] | null> {
  // As UTF-8 bytes, as showJsonTwoPass holds its pieces.
  const series: Buffer[] = [];
  const unthreaded = await unlessMismatch(show.buildEach((place, s) => {
    series[place] = Buffer.from(showSeriesText(s));
  }));
  if (unthreaded === null) return null;
  return [...series, showTextTail({ series: series.length, messages: show.messages, unthreaded: unthreaded.length, skipped: show.skipped.length, notes: show.notes })];
}

/** The second pass's answer, or null when it found the input changed since the first (TwoPassMismatch). */
async function unlessMismatch<T>(pass: Promise<T>): Promise<T | null> {
  try {
    return await pass;
  } catch (e) {
    const { TwoPassMismatch } = await import('../../archive/index.js');
    if (e instanceof TwoPassMismatch) return null;
    throw e;
  }
}
