import { describe, it, expect, afterEach } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { renderApp, KEY } from './testing/render.js';
import { makeSeries, makeSet, CHRISTIAN } from './testing/fixtures.js';
import type { ReviewData } from './data.js';

process.env.FORCE_COLOR = '0';
afterEach(() => cleanup());

function smallData(): ReviewData {
  const series = makeSeries([
    { index: 1, summary: 'dma-buf: Introduce DMA-buf mapping types' },
    { index: 2, summary: 'dma-buf: Add the SGT DMA mapping type', replies: [{ n: 1, quoted: ['+int fn2_1(void);'], text: 'Why a second call here?' }] },
    { index: 3, summary: 'dma-buf: Add dma_buf_mapping_attach()', replies: [{ n: 2, text: 'Looks fine overall.', author: CHRISTIAN }] },
  ]);
  return { set: makeSet([series]), findings: [] };
}

describe('App smoke', () => {
  it('renders', async () => {
    const app = await renderApp(smallData());
    console.log(app.frame());
    await app.press(KEY.down, KEY.down, KEY.enter);
    console.log(app.frame());
  });
});
