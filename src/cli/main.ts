import { isPatchscopeError, UsageError } from '../util/errors.js';
import { sanitizeForTerminal } from '../present/index.js';
import { parseCommand, type Command } from './args.js';
import { COMMAND_TABLE, type CommandSpec, type RunCommand } from './command-table.js';
import { commandHelp, helpText } from './help.js';
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

async function dispatch(cmd: Command): Promise<ExitCode> {
  switch (cmd.kind) {
    case 'help': {
      const text = cmd.topic === null ? helpText() : commandHelp(cmd.topic);
      if (text === null) throw new UsageError(`help: no command "${cmd.topic}" (see patchscope --help)`);
      process.stdout.write(text);
      return EXIT_OK;
    }
    case 'version':
      process.stdout.write(`patchscope ${await version()}\n`);
      return EXIT_OK;
    default:
      return runRow(cmd);
  }
}

/** The table row of a command runs it; the row's own type ties the command to its handler. */
function runRow<C extends RunCommand>(cmd: C): Promise<ExitCode> {
  // The table is keyed by kind, so the row found is the one typed for C.
  return (COMMAND_TABLE[cmd.kind] as unknown as CommandSpec<C>).run(cmd);
}

async function version(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/**
 * `patchscope show | head`: when the reader goes away, stop as git and coreutils do, without a
 * stack trace. Any other write error (`show > /dev/full`: ENOSPC) is one line naming the stream, exit 2.
 */
function exitQuietlyOnClosedPipe(): void {
  for (const [stream, name] of [[process.stdout, 'standard output'], [process.stderr, 'standard error']] as const) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
      failedWrite(name, e);
    });
  }
}

function failedWrite(name: string, e: NodeJS.ErrnoException): never {
  try {
    process.stderr.write(`patchscope: cannot write to ${name}: ${e.code ?? e.message}\n`);
  } catch {
    // stderr itself is gone: the exit code is all that is left to say it
  }
  process.exit(EXIT_BAD_INPUT);
}
