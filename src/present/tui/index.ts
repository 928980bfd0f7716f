import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import { createElement } from 'react';
import { render } from 'ink';
import { App } from './App.js';
import type { ReviewData } from './data.js';
import type { ServerVersion, ServerVersionsProps } from './hooks/useServerVersions.js';

export type { ServerVersion } from './hooks/useServerVersions.js';

export type {
  ReviewData, BisectView, BisectResult, BisectStatus, VerifyView, SequenceView, StepView, TraceView, TraceStepView,
  PairMatrix, InvariantResult, DeltaView,
} from './data.js';
export { toReviewData, verifyView, bisectView, type ReviewInputs } from './adapt.js';

export interface TuiOptions {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  /**
   * Fuller data still being computed (apply, bisect, the model). The first frame shows `data` at
   * once; when this resolves the screens redraw with it, keeping the reviewer's place. If it
   * rejects, `onLaterError` gets the error and the screens keep what they have.
   */
  later?: Promise<ReviewData>;
  onLaterError?: (e: unknown) => ReviewData;
  /** A series opened by Message-ID: the versions its server holds, listed with `V`; one chosen ends the TUI. */
  serverVersions?: Omit<ServerVersionsProps, 'onOpen'>;
}

/**
 * Keys come from the terminal even when stdin carries the mail (`patchscope - < x.mbox`): like less
 * and tig, fall back to /dev/tty. Null when there is no terminal to read.
 */
function keyboard(given: NodeJS.ReadStream | undefined): NodeJS.ReadStream | null {
  if (given) return given;
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as NodeJS.ReadStream;
  } catch {
    return null;
  }
}

/**
 * Show the review in the terminal and resolve when the reviewer quits (q on the first view, Q, ^C).
 * The caller checks that stdout is a TTY. With no keyboard at all, one frame is drawn and it returns.
 * The alternate screen keeps the reviewer's scrollback clean, as less and tig do.
 */
export async function runTui(data: ReviewData, opts: TuiOptions = {}): Promise<ServerVersion | null> {
  const stdout = opts.stdout ?? process.stdout;
  const stdin = keyboard(opts.stdin);
  const alternate = stdout.isTTY === true && stdin !== null;
  if (alternate) stdout.write('\x1b[?1049h\x1b[H');
  let chosen: ServerVersion | null = null;
  const serverVersions: ServerVersionsProps | undefined = opts.serverVersions && {
    ...opts.serverVersions,
    onOpen: (v) => {
      chosen = v;
      instance.unmount();
    },
  };
  const app = (d: ReviewData) => createElement(App, { data: d, ...(serverVersions ? { serverVersions } : {}) });
  let instance: ReturnType<typeof render>;
  try {
    instance = render(app(data), {
      stdin: stdin ?? process.stdin, stdout, exitOnCtrlC: false, patchConsole: false,
    });
    let done = false;
    opts.later?.then(
      (full) => { if (!done) instance.rerender(app(full)); },
      (e: unknown) => {
        const fallback = opts.onLaterError?.(e) ?? { ...data, pending: undefined };
        if (!done) instance.rerender(app(fallback));
      },
    );
    if (stdin === null) {
      // No keyboard: one frame, with everything (the caller may be a script with a pseudo-terminal).
      if (opts.later) instance.rerender(app(await opts.later.catch(() => data)));
      instance.unmount();
    }
    await instance.waitUntilExit();
    done = true;
    return chosen;
  } finally {
    if (alternate) stdout.write('\x1b[?1049l');
    if (stdin && stdin !== process.stdin && stdin !== opts.stdin) stdin.destroy();
  }
}
