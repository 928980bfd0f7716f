import { describe, it, expect, afterEach } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { firstFrame } from './first-frame.js';
import { renderApp } from './testing/render.test-util.js';
import { reviewData } from './testing/review-data.test-util.js';
import { makeLargeSeries, makeSet } from './testing/fixtures.test-util.js';
import type { ReviewData } from './data.js';

process.env.FORCE_COLOR = '0';
afterEach(() => cleanup());

const trimmed = (text: string) => text.split(/\r?\n/).map((l) => l.trimEnd());

/** ink-testing-library's screen: 100 columns, no rows (80x24's 24), drawn one row short (term-size.ts). */
const INK_TEST_SIZE = { columns: 100, rows: 23 };

describe('first frame without Ink', () => {
  it.each<[string, () => ReviewData]>([
    ['the bundled-like series with versions and a pending note', () => ({ ...reviewData(), pending: 'applying, bisecting and verifying the model…' })],
    ['a 300-patch series (the list cut at the screen)', () => ({ set: makeSet([makeLargeSeries(300)]), findings: [] })],
  ])('is the frame Ink draws next, row for row: %s', async (_, data) => {
    const app = await renderApp(data());
    expect(trimmed(firstFrame(data(), INK_TEST_SIZE, false))).toEqual(trimmed(app.frame()));
  });

  it('colours as the theme says and marks the cursor row', () => {
    const text = firstFrame(reviewData(), INK_TEST_SIZE, true);
    expect(text).toContain('\x1b[7m');
    expect(text.split('\r\n').filter((l) => l.includes('›')).length).toBeGreaterThanOrEqual(1);
  });
});
