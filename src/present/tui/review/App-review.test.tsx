// The review written in the real TUI on the bundled series, with its I/O: the comment typed on a
// diff line is saved (atomically) under XDG_STATE_HOME and comes back in the next session; $EDITOR
// writes a comment; W writes the replies beside the state file and sends them to a real SMTP server
// on loopback only after y, the bytes received being the file's.
import { describe, it, expect, afterEach, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { loadSeriesSet, type SeriesSet } from '../../../series/index.js';
import { PYTHON, received, withSmtpSink } from '../../../../test/support/smtp.js';
import { renderApp, KEY } from '../testing/render.test-util.js';

process.env.FORCE_COLOR = '0';
const MBOX = resolve(__dirname, '../../../../fixtures/dmabuf-mapping-types/series.mbox');
const saved = { HOME: process.env.HOME, XDG_STATE_HOME: process.env.XDG_STATE_HOME, EDITOR: process.env.EDITOR, VISUAL: process.env.VISUAL };
let tmp: string;
let set: SeriesSet;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'patchscope-tui-review-'));
  process.env.HOME = tmp;
  process.env.XDG_STATE_HOME = join(tmp, 'state');
  process.env.GIT_CONFIG_NOSYSTEM = '1';
  delete process.env.VISUAL;
  writeFileSync(join(tmp, '.gitconfig'), '[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n');
  set = await loadSeriesSet(MBOX);
});
afterEach(() => cleanup());
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  rmSync(tmp, { recursive: true, force: true });
});

const stateFiles = () => readdirSync(join(tmp, 'state', 'patchscope', 'reviews')).sort();

/** Waits (bounded) until the frame says `text`: the hook's file and git work is asynchronous. */
async function until(app: Awaited<ReturnType<typeof renderApp>>, test: (f: string) => boolean): Promise<string> {
  for (let i = 0; i < 400 && !test(app.frame()); i++) await new Promise((r) => setTimeout(r, 10));
  return app.frame();
}

/** Patch 26 open, the cursor on the added line `text` (found with /). */
async function openAt(app: Awaited<ReturnType<typeof renderApp>>, text: string) {
  await until(app, (f) => f.includes('[RFC v1]'));
  await new Promise((r) => setTimeout(r, 300)); // identity and state read
  await app.press('2', '6', 'G', KEY.enter, '/', ...text, KEY.enter);
}

describe.sequential('the review in the TUI, with its files', () => {
  const line = 'static int test_match_result;';

  it('keeps a typed comment in the state file, and the next session resumes it', async () => {
    const app = await renderApp({ set, findings: [] });
    await openAt(app, line);
    await app.press('c', ...'Please say why this type is needed here.', KEY.enter);
    await until(app, (f) => f.includes('✎ Please say why'));
    await app.press('R');
    const files = await (async () => { for (let i = 0; i < 100; i++) { try { const f = stateFiles(); if (f.length) return f; } catch { /* not yet */ } await new Promise((r) => setTimeout(r, 20)); } return []; })();
    expect(files).toHaveLength(1);
    await until(app, () => JSON.parse(readFileSync(join(tmp, 'state', 'patchscope', 'reviews', files[0]!), 'utf8')).trailers.length === 1);
    const state = JSON.parse(readFileSync(join(tmp, 'state', 'patchscope', 'reviews', files[0]!), 'utf8'));
    expect(state.series).toMatchObject({ rootId: set.series[0]!.rootId, version: 1 });
    expect(state.comments).toEqual([expect.objectContaining({ patch: 26, text: 'Please say why this type is needed here.', anchor: expect.stringContaining(line) })]);
    expect(state.trailers).toEqual([{ patch: 26, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' }]);
    app.unmount();

    const again = await renderApp({ set, findings: [] });
    const f = await until(again, (x) => x.includes('review resumed'));
    expect(f).toContain('review resumed: 1 comments, 1 trailers');
    await again.press('2', '6', 'G');
    expect(again.frame()).toMatch(/›✎1 R +26 /);
    await again.press(KEY.enter, '/', ...line, KEY.enter);
    expect(await until(again, (x) => x.includes('✎ Please say why'))).toMatch(/\+static int test_match_result;\n +✎ Please say why/);
  });

  it('takes a comment from $EDITOR', async () => {
    const editor = join(tmp, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Written in the editor.\\n\\nSecond paragraph.\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    process.env.EDITOR = editor;
    const app = await renderApp({ set, findings: [] });
    await openAt(app, line);
    await app.press('C');
    const f = await until(app, (x) => x.includes('✎ Written in the editor.'));
    expect(f).toContain('Second paragraph.');
  });

  it.skipIf(!PYTHON)('W writes the reply (the comments and Reviewed-by of patch 26); y sends those very bytes to the configured SMTP server, n sends nothing', async () => {
    await withSmtpSink(async (port, dir) => {
      writeFileSync(join(tmp, '.gitconfig'), `[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n[sendemail]\n\tsmtpServer = 127.0.0.1\n\tsmtpServerPort = ${port}\n`);
      const app = await renderApp({ set, findings: [] });
      await until(app, (x) => x.includes('review resumed'));
      await app.press('W');
      let f = await until(app, (x) => x.includes('? y/N'));
      expect(f).toContain(`send 1 reply by SMTP 127.0.0.1:${port}? y/N`);
      await app.press('n');
      f = await until(app, (x) => x.includes('not sent'));
      expect(received(dir)).toHaveLength(0);
      await app.press('W');
      await until(app, (x) => x.includes('? y/N'));
      await app.press('y');
      f = await until(app, (x) => x.includes('sent 1 reply'));
      expect(f).toContain(`sent 1 reply by SMTP 127.0.0.1:${port}`);
      const got = received(dir);
      expect(got).toHaveLength(1);
      const mbox = readFileSync(join(tmp, 'state', 'patchscope', 'reviews', stateFiles().find((n) => n.endsWith('-replies.mbox'))!), 'utf8');
      const messages = mbox.split(/^From patchscope .*\n/m).filter(Boolean).map((m) => m.replace(/\n$/, ''));
      expect(got.map((g) => g.bytes.toString('utf8'))).toEqual(messages.map((m) => m.replace(/\n/g, '\r\n')));
    });
  }, 60_000);
});
