import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import type { ServerVersion } from '../hooks/useServerVersions.js';
import { KEY, renderApp } from '../testing/render.test-util.js';
import { reviewData } from '../testing/review-data.test-util.js';

process.env.FORCE_COLOR = '0';
afterEach(() => cleanup());

const VERSIONS: ServerVersion[] = [
  { version: 1, messageId: '0-v1@example.org', subject: '[PATCH RFC 00/26] Add DMA-buf mapping types', date: '2026-02-18T00:11:32.000Z' },
  { version: 2, messageId: '1-v2@example.org', subject: '[PATCH v2 01/20] dma-buf: Introduce DMA-buf mapping types', date: '2026-05-05T17:40:13.000Z' },
];

async function renderWithVersions(versions: ServerVersion[] | null) {
  const chosen: ServerVersion[] = [];
  const props = versions ? { serverVersions: { server: 'http://127.0.0.1:8080/test/', versions, opened: [1], onOpen: (v: ServerVersion) => chosen.push(v) } } : {};
  return { ...(await renderApp(reviewData(), props)), chosen };
}

describe('the server versions list (V)', () => {
  it('lists the versions the server holds, the opened one marked and the newer one flagged; Enter opens the chosen one', async () => {
    const app = await renderWithVersions(VERSIONS);
    await app.press('V');
    const f = app.frame();
    expect(f).toContain('Versions on http://127.0.0.1:8080/test/');
    expect(f).toMatch(/ v1 +opened +2026-02-18 +\[PATCH RFC 00\/26\] Add DMA-buf mapping types/);
    expect(f).toMatch(/› v2 +newer +2026-05-05 +\[PATCH v2 01\/20\]/);
    // While the list shows it has the keys: j/k move in it, not in the series view behind.
    await app.press('k', KEY.enter);
    expect(app.chosen).toEqual([]); // v1 is the one already open: nothing to fetch
    expect(app.frame()).toContain('[RFC v1]');
    await app.press('V', KEY.enter);
    expect(app.chosen.map((v) => v.messageId)).toEqual(['1-v2@example.org']);
  });

  it('Esc closes it and the review has the keys again', async () => {
    const app = await renderWithVersions(VERSIONS);
    await app.press('V', KEY.escape);
    expect(app.frame()).not.toContain('Versions on');
    const before = app.frame().split('\n').at(-1);
    expect(before).toMatch(/cover of 3 patches/);
    await app.press('G');
    expect(app.frame().split('\n').at(-1)).toMatch(/patch 3\/3/);
  });

  it('does nothing for a local input (no server to ask)', async () => {
    const app = await renderWithVersions(null);
    await app.press('V');
    expect(app.frame()).not.toContain('Versions on');
    expect(app.frame()).toContain('[RFC v1]');
  });
});
