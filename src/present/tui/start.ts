/**
 * What the TUI needs before Ink is loaded: the keyboard, the alternate screen and the first frame
 * (first-frame.ts). Ink-free, so the CLI can paint the series view while Ink and React load.
 */
import { openSync } from 'node:fs';
import { ReadStream } from 'node:tty';
import type { ReviewData } from './data.js';

export type { ReviewData } from './data.js';
export { pickEntriesFromIndex } from './state/picker.js';
import { firstFrame } from './first-frame.js';
import { drawableSize, readSize } from './state/term-size.js';

const ENTER_ALTERNATE = '\x1b[?1049h\x1b[H';
const LEAVE_ALTERNATE = '\x1b[?1049l';
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Keys come from the terminal even when stdin carries the mail (`patchscope - < x.mbox`): like less
 * and tig, fall back to /dev/tty. Null when there is no terminal to read.
 */
export function keyboard(given: NodeJS.ReadStream | undefined): NodeJS.ReadStream | null {
  if (given) return given;
  if (process.stdin.isTTY) return process.stdin;
  try {
    return new ReadStream(openSync('/dev/tty', 'r')) as NodeJS.ReadStream;
  } catch {
    return null;
  }
}

/** A screen the TUI has taken over: the alternate screen, raw keys, left again exactly once. */
export interface TerminalSession {
  stdout: NodeJS.WriteStream;
  stdin: NodeJS.ReadStream | null;
  /** True when the alternate screen is in use (a terminal on both sides). */
  alternate: boolean;
  /** True once a first frame is on the screen (Ink then clears it before drawing its own). */
  painted: boolean;
  /**
   * Stops reading keys early (see readEarlyKeys) and gives those read back to the keyboard stream,
   * in order, for Ink to read first. Called just before Ink renders.
   */
  handOverKeys(): void;
  /** Resolves when ^C is typed before Ink has the keyboard: a start path may quit then without waiting for Ink. */
  quitTyped: Promise<void>;
  leave(): void;
}

/** ^C: in raw mode the terminal no longer turns it into SIGINT; the TUI quits on it. */
const CTRL_C = 0x03;

/**
 * Keys typed while the checks run and Ink loads are read as they come (raw mode: no echo, no
 * waiting for Enter) and kept for Ink, which gets them first when it takes the keyboard: a `j`
 * typed during start-up moves the cursor once the TUI is up. A ^C among them is kept too (Ink quits
 * on it) and also said at once (`onQuit`), so a start path can quit without loading Ink. Read as
 * Ink reads (a 'readable' listener, never flowing mode: pausing process.stdin stops its reading a
 * tick later, after Ink has asked for it). The stream does not keep the process alive meanwhile
 * (Ink refs it again). Returns the hand-over: `forInk` false when nobody will read on (leaving).
 */
export function readEarlyKeys(stdin: NodeJS.ReadStream, onQuit: () => void): (forInk: boolean) => void {
  const kept: Buffer[] = [];
  const onReadable = () => {
    for (let chunk: Buffer | string | null; (chunk = stdin.read() as Buffer | string | null) !== null;) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      kept.push(bytes);
      if (bytes.includes(CTRL_C)) onQuit();
    }
  };
  stdin.on('readable', onReadable);
  stdin.unref?.();
  let stopped = false;
  return (forInk) => {
    if (stopped) return;
    stopped = true;
    stdin.off('readable', onReadable);
    if (!forInk) {
      stdin.pause();
      return;
    }
    if (kept.length) stdin.unshift(Buffer.concat(kept));
  };
}

/**
 * Enter the alternate screen (as less and tig do, so the scrollback stays clean) and put the keyboard
 * in raw mode at once, so keys typed while Ink loads neither echo nor wait for Enter; they stay
 * queued for Ink. Leaving is also tied to process exit: a quit by `process.exit`, a crash or a
 * signal never leaves the reviewer on the alternate screen with a dead frame.
 */
export function enterTerminal(stdout: NodeJS.WriteStream = process.stdout, given?: NodeJS.ReadStream): TerminalSession {
  const stdin = keyboard(given);
  const alternate = stdout.isTTY === true && stdin !== null;
  let left = false;
  let stopEarlyKeys = (_forInk: boolean) => {};
  let sayQuit = () => {};
  const quitTyped = new Promise<void>((resolve) => { sayQuit = resolve; });
  // A signal (kill, a hangup, ^C before raw mode) leaves the screen first, then ends as it would have.
  const onSignal = (sig: NodeJS.Signals) => {
    session.leave();
    process.kill(process.pid, sig);
  };
  const session: TerminalSession = {
    stdout, stdin, alternate, painted: false,
    handOverKeys: () => stopEarlyKeys(true),
    quitTyped,
    leave() {
      if (left) return;
      left = true;
      stopEarlyKeys(false);
      process.off('exit', session.leave);
      for (const sig of SIGNALS) process.off(sig, onSignal);
      if (stdin?.isTTY) stdin.setRawMode(false);
      if (alternate) stdout.write(LEAVE_ALTERNATE);
      if (stdin && stdin !== process.stdin && stdin !== given) stdin.destroy();
    },
  };
  if (alternate) {
    stdout.write(ENTER_ALTERNATE);
    if (stdin?.isTTY) {
      stdin.setRawMode(true);
      stopEarlyKeys = readEarlyKeys(stdin, () => sayQuit());
    }
    process.on('exit', session.leave);
    for (const sig of SIGNALS) process.once(sig, onSignal);
  }
  return session;
}

/** Draw the series view of `data` as plain text (no Ink yet) on an entered terminal. */
export function paintFirstFrame(session: TerminalSession, data: ReviewData): void {
  if (!session.alternate) return;
  const size = drawableSize(readSize(session.stdout));
  session.stdout.write(`\x1b[H${firstFrame(data, size, session.stdout.hasColors?.() ?? true)}`);
  session.painted = true;
}
