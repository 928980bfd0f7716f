import { describe, it, expect } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { runTui } from './index.js';
import { reviewData } from './testing/review-data.js';

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
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.text()).toContain('Add DMA-buf mapping types and convert vfio/iommufd to use them');
    (keys as unknown as PassThrough).write('Q');
    await expect(Promise.race([done.then(() => 'quit'), new Promise((r) => setTimeout(() => r('still running'), 2000))])).resolves.toBe('quit');
  });
});
