import { toShowJson } from '../../series/index.js';
import { formatShowText, stringifyJsonSafe } from '../../present/print/index.js';
import type { Command } from '../args.js';
import { loadInput } from '../context.js';
import { EXIT_OK, type ExitCode } from '../exit-codes.js';

export async function runShow(cmd: Extract<Command, { kind: 'show' }>): Promise<ExitCode> {
  const set = await loadInput(cmd.input, cmd.common);
  process.stdout.write(cmd.json ? stringifyJsonSafe(toShowJson(set)) : formatShowText(set));
  return EXIT_OK;
}
