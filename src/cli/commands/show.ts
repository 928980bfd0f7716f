import { toShowJson, toShowSeries } from '../../series/index.js';
import { formatShowText, stringifyJsonSafe } from '../../present/print/index.js';
import type { TwoPassShow } from '../../archive/index.js';
import type { Command } from '../args.js';
import { loadInput, readShowTwoPass } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

export async function runShow(cmd: Extract<Command, { kind: 'show' }>): Promise<ExitCode> {
  const twoPass = cmd.json ? await readShowTwoPass(cmd.input, cmd.common) : null;
  if (twoPass !== null && (await writeShowJsonTwoPass(twoPass))) return EXIT_OK;
  const set = await loadInput(cmd.input, cmd.common);
  process.stdout.write(cmd.json ? stringifyJsonSafe(toShowJson(set)) : formatShowText(set));
  return EXIT_OK;
}

/** `    ` before every line but the first: a value's JSON as it stands inside the top-level `series` array. */
const inSeriesArray = (json: string): string => json.slice(0, -1).replace(/\n/g, '\n    ');

/**
 * `show --json` with each series serialised as soon as it is built (its bodies then let go), written as the
 * bytes stringifyJsonSafe(toShowJson(set)) writes: the same 2-space layout, the same escapes (they act on single
 * characters, so piece by piece equals all at once). False when the two passes disagree (nothing was written):
 * the caller reads the input whole instead.
 */
async function writeShowJsonTwoPass(show: TwoPassShow): Promise<boolean> {
  const pieces: string[] = [];
  let unthreaded: string[];
  try {
    unthreaded = await show.build((place, series) => {
      pieces[place] = inSeriesArray(stringifyJsonSafe(toShowSeries(series)));
    });
  } catch (e) {
    const { TwoPassMismatch } = await import('../../archive/index.js');
    if (e instanceof TwoPassMismatch) return false;
    throw e;
  }
  const skipped = show.skipped.map((s) => ({ source: s.origin.source, index: s.origin.index, messageId: s.messageId, reason: s.reason }));
  const rest = stringifyJsonSafe({ schema: 1, messages: show.messages, series: [], unthreaded, skipped, notes: show.notes });
  const empty = '\n  "series": [],\n';
  const at = rest.indexOf(empty);
  const series = pieces.length === 0 ? '[]' : `[\n    ${pieces.join(',\n    ')}\n  ]`;
  process.stdout.write(`${rest.slice(0, at)}\n  "series": ${series},\n`);
  process.stdout.write(rest.slice(at + empty.length));
  return true;
}
