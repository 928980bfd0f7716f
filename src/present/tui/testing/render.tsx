import { render } from 'ink-testing-library';
import { App } from '../App.js';
import type { ReviewData } from '../data.js';

/** Named keys as a terminal sends them, for ink-testing-library's stdin. */
export const KEY = {
  enter: '\r', escape: '\x1b', tab: '\t', backspace: '\x7f', down: '\x1b[B', up: '\x1b[A', pageDown: '\x1b[6~',
} as const;

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
  return { ...r, press, frame: () => r.lastFrame() ?? '' };
}
