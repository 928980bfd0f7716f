import { render } from 'ink-testing-library';
import { App } from '../App.js';
import type { ReviewData } from '../data.js';

/** Named keys as a terminal sends them, for ink-testing-library's stdin. */
export const KEY = {
  enter: '\r', escape: '\x1b', tab: '\t', backspace: '\x7f', down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~',
} as const;

/** The row the cursor is on (marked › in the gutter). */
export function cursorLine(frame: string): string {
  return frame.split('\n').find((l) => l.startsWith('›')) ?? '';
}

/** Ink re-renders on the next turn after input (STACK.md): wait for it. */
export const tick = () => new Promise((r) => setTimeout(r, 20));

export async function renderApp(data: ReviewData) {
  const r = render(<App data={data} />);
  await tick();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
    }
  };
  /** The frame without colour codes (should FORCE_COLOR be ignored), for asserting on text. */
  const frame = () => (r.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...r, press, frame, raw: () => r.lastFrame() ?? '' };
}
