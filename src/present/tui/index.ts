import { createElement } from 'react';
import { render } from 'ink';
import { App } from './App.js';
import type { ReviewData } from './data.js';
import { enterTerminal, type TerminalSession } from './start.js';
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
  /** A terminal already entered (and maybe painted) before Ink loaded: see start.ts. */
  session?: TerminalSession;
  /** `--from "Name <addr>"`: who writes the review, instead of git's user.name and user.email. */
  reviewer?: string | null;
  /** Pick mode (`data.picks`): called with the chosen entry's index. */
  onChoose?: (index: number) => void;
  /** A series opened by Message-ID: the versions its server holds, listed with `V`; one chosen ends the TUI. */
  serverVersions?: Omit<ServerVersionsProps, 'onOpen'>;
}

/**
 * The plain-text first frame gives way to Ink's: the screen is cleared in the same write as Ink's
 * first output, not before Ink renders (on a busy machine that left a blank screen for a second).
 */
function clearedOnFirstWrite(stdout: NodeJS.WriteStream): NodeJS.WriteStream {
  let first = true;
  return new Proxy(stdout, {
    get(target, prop) {
      if (prop === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = first ? `\x1b[H\x1b[J${String(chunk)}` : chunk;
          first = false;
          return (target.write as (...a: unknown[]) => boolean)(text, ...rest);
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * Show the review in the terminal and resolve when the reviewer quits (q on the first view, Q, ^C).
 * The caller checks that stdout is a TTY. With no keyboard at all, one frame is drawn and it returns.
 */
export async function runTui(data: ReviewData, opts: TuiOptions = {}): Promise<ServerVersion | null> {
  const session = opts.session ?? enterTerminal(opts.stdout ?? process.stdout, opts.stdin);
  const { stdout, stdin } = session;
  let chosen: ServerVersion | null = null;
  // onOpen runs on a key press, after render() has returned.
  let instance: ReturnType<typeof render>;
  const serverVersions: ServerVersionsProps | undefined = opts.serverVersions && {
    ...opts.serverVersions,
    onOpen: (v) => {
      chosen = v;
      instance.unmount();
    },
  };
  const app = (d: ReviewData) =>
    createElement(App, { data: d, reviewer: opts.reviewer, ...(opts.onChoose ? { onChoose: opts.onChoose } : {}), ...(serverVersions ? { serverVersions } : {}) });
  try {
    // Keys typed while Ink loaded go to Ink first.
    session.handOverKeys();
    instance = render(app(data), {
      stdin: stdin ?? process.stdin, stdout: session.painted ? clearedOnFirstWrite(stdout) : stdout, exitOnCtrlC: false, patchConsole: false,
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
    session.leave();
  }
}
