import { createElement } from 'react';
import { render } from 'ink';
import { App } from './App.js';
import type { ReviewData } from './data.js';

export type { ReviewData, BisectView, BisectResult, VerifyView, SequenceView, StepView, TraceView, TraceStepView, PairMatrix, InvariantResult, DeltaView } from './data.js';

export interface TuiOptions {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

/**
 * Show the review in the terminal and resolve when the reviewer quits (q on the first view, Q, ^C).
 * The caller checks that stdout is a TTY; without raw-mode stdin the screens render but take no keys.
 * The alternate screen keeps the reviewer's scrollback clean, as less and tig do.
 */
export async function runTui(data: ReviewData, opts: TuiOptions = {}): Promise<void> {
  const stdout = opts.stdout ?? process.stdout;
  const alternate = stdout.isTTY === true;
  if (alternate) stdout.write('\x1b[?1049h\x1b[H');
  try {
    const instance = render(createElement(App, { data }), {
      stdin: opts.stdin ?? process.stdin, stdout, exitOnCtrlC: false, patchConsole: false,
    });
    await instance.waitUntilExit();
  } finally {
    if (alternate) stdout.write('\x1b[?1049l');
  }
}
