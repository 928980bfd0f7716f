import { isPatchscopeError } from '../util/errors.js';
import { sanitizeForTerminal } from '../present/sanitize.js';
import { EXIT_BAD_INPUT, type ExitCode } from './exit-codes.js';

/** Entry point: parse, dispatch, map errors to exit codes. Never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<void> {
  let code: ExitCode;
  try {
    code = await run(argv);
  } catch (e) {
    if (isPatchscopeError(e)) {
      process.stderr.write(`patchscope: ${sanitizeForTerminal(e.message)}\n`);
      code = EXIT_BAD_INPUT;
    } else {
      // A bug: say so in one line, keep the trace for those who ask for it.
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`patchscope: internal error: ${sanitizeForTerminal(msg)}\n`);
      if (process.env.PATCHSCOPE_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
      code = EXIT_BAD_INPUT;
    }
  }
  process.exitCode = code;
}

async function run(_argv: string[]): Promise<ExitCode> {
  process.stdout.write('patchscope: not yet wired\n');
  return 0;
}
