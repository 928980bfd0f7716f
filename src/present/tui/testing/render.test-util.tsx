import { render } from 'ink-testing-library';
import { App, type AppProps } from '../App.js';
import type { ReviewData } from '../data.js';

/** Named keys as a terminal sends them, for ink-testing-library's stdin. */
export const KEY = {
  enter: '\r', escape: '\x1b', tab: '\t', backspace: '\x7f', down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~',
} as const;

/** The row the cursor is on (marked › in the gutter). */
export function cursorLine(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('›')) ?? '';
}

/** One turn of the event loop: React's scheduler renders in setImmediate callbacks under Node. */
const turn = () => new Promise((r) => setImmediate(r));

/**
 * Ink re-renders after input on a later turn. A fixed sleep is flaky on a loaded machine
 * (a due timer runs before the scheduler's setImmediate), so wait for the next frame, then settle.
 */
export async function nextFrame(frames: readonly string[], before: number): Promise<void> {
  for (let i = 0; i < 500 && frames.length === before; i++) await turn();
  for (let i = 0; i < 5; i++) await turn();
}

export async function renderApp(data: ReviewData, props: Omit<AppProps, 'data'> = {}) {
  const r = render(<App data={data} {...props} />);
  await nextFrame(r.frames, 0);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      const before = r.frames.length;
      r.stdin.write(k);
      await nextFrame(r.frames, before);
    }
  };
  /** The frame without colour codes (should FORCE_COLOR be ignored), for asserting on text. */
  const frame = () => (r.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...r, press, frame, raw: () => r.lastFrame() ?? '' };
}
