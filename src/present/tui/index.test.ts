import { describe, it, expect, beforeAll } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import type { runTui as RunTui } from './index.js';
import { drawFramesEvenUnderCi } from './ink-environment.js';
import { reviewData } from './testing/review-data.test-util.js';

// These tests stand for a reviewer's terminal. Ink reads CI/CONTINUOUS_INTEGRATION once, when it
// is imported, and under CI draws no frame until exit; the CLI clears them before loading the TUI
// (src/cli/commands/open.ts), and so does this file before loading runTui (regression: every
// runTui test failed under CI=true).
let runTui: typeof RunTui;
beforeAll(async () => {
  drawFramesEvenUnderCi();
  ({ runTui } = await import('./index.js'));
});

process.env.FORCE_COLOR = '0';

/** A keyboard as Ink wants it: a readable TTY that accepts raw mode. */
function fakeKeyboard(): NodeJS.ReadStream {
  const s = new PassThrough() as unknown as NodeJS.ReadStream & { setRawMode: () => void };
  Object.assign(s, { isTTY: true, setRawMode: () => s, ref: () => s, unref: () => s });
  return s;
}

function fakeScreen(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const w = new Writable({ write(chunk, _enc, done) { out += String(chunk); done(); } }) as unknown as NodeJS.WriteStream;
  Object.assign(w, { columns: 100, rows: 30, isTTY: false });
  return { stream: w, text: () => out };
}

describe('runTui', () => {
  it('draws the review and resolves when the reviewer quits', async () => {
    const keys = fakeKeyboard();
    const screen = fakeScreen();
    const done = runTui(reviewData(), { stdin: keys, stdout: screen.stream });
    // Poll rather than sleep a fixed time: CI's 2 cores may be busy with other test files.
    const title = 'Add DMA-buf mapping types and convert vfio/iommufd to use them';
    for (let waited = 0; !screen.text().includes(title) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(screen.text()).toContain(title);
    (keys as unknown as PassThrough).write('Q');
    await expect(Promise.race([done.then(() => 'quit'), new Promise((r) => setTimeout(() => r('still running'), 10_000))])).resolves.toBe('quit');
  });
});

describe('runTui with data still being computed', () => {
  it('draws the first data at once, then redraws with what `later` brings', async () => {
    const keys = fakeKeyboard();
    const screen = fakeScreen();
    const first = { ...reviewData(), pending: 'applying, bisecting and verifying the model…' };
    let deliver: (d: ReturnType<typeof reviewData>) => void = () => {};
    const later = new Promise<ReturnType<typeof reviewData>>((r) => { deliver = r; });
    const done = runTui(first, { stdin: keys, stdout: screen.stream, later });
    const until = async (s: string) => {
      for (let waited = 0; !screen.text().includes(s) && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
      return screen.text();
    };
    expect(await until('applying, bisecting')).toContain('applying, bisecting and verifying the model…');
    const before = screen.text().length;
    deliver({ ...reviewData(), pending: 'analysis arrived' });
    await until('analysis arrived');
    expect(screen.text().slice(before)).toContain('analysis arrived');
    (keys as unknown as PassThrough).write('Q');
    await done;
  });
});
