import { isPatchscopeError } from '../util/errors.js';
import { sanitizeForTerminal } from '../present/sanitize.js';
import { parseCommand, HELP, type Command } from './args.js';
import { EXIT_OK, EXIT_BAD_INPUT, type ExitCode } from './exit-codes.js';

/** Entry point: parse, dispatch, map errors to exit codes. Never lets a stack trace reach the user. */
export async function main(argv: string[]): Promise<void> {
  exitQuietlyOnClosedPipe();
  let code: ExitCode;
  try {
    code = await dispatch(parseCommand(argv));
  } catch (e) {
    code = EXIT_BAD_INPUT;
    if (isPatchscopeError(e)) {
      process.stderr.write(`patchscope: ${sanitizeForTerminal(e.message)}\n`);
    } else {
      // A bug, or a system error: one line; the trace only for those who ask for it.
      const msg = e instanceof Error ? e.message : String(e);
      process.stderr.write(`patchscope: internal error: ${sanitizeForTerminal(msg.split('\n')[0] ?? '')}\n`);
      if (process.env.PATCHSCOPE_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? ''}\n`);
    }
  }
  process.exitCode = code;
}

// Each command's module is imported only when it runs (b4's cmd_x habit), so `--help` starts fast.
async function dispatch(cmd: Command): Promise<ExitCode> {
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(HELP);
      return EXIT_OK;
    case 'version':
      process.stdout.write(`patchscope ${await version()}\n`);
      return EXIT_OK;
    case 'open':
      return (await import('./commands/open.js')).runOpen(cmd);
    case 'show':
      return (await import('./commands/show.js')).runShow(cmd);
    case 'check':
      return (await import('./commands/check.js')).runCheck(cmd);
    case 'verify':
      return (await import('./commands/verify.js')).runVerify(cmd);
    case 'report':
      return (await import('./commands/report.js')).runReport(cmd);
    case 'diff':
      return (await import('./commands/diff.js')).runDiff(cmd);
    case 'am':
      return (await import('./commands/am.js')).runAm(cmd);
    case 'index':
      return (await import('./commands/archive.js')).runIndex(cmd);
    case 'find':
      return (await import('./commands/archive.js')).runFind(cmd);
  }
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/**
 * `patchscope show | head`: when the reader goes away, stop as git and coreutils do, without a
 * stack trace. Any other stream error is still an error.
 */
function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
      throw e;
    });
  }
}
