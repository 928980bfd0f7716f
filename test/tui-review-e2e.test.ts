/**
 * Writing the review in a real pseudo-terminal (tmux, 120x40): a comment from $EDITOR (the TUI gives
 * the terminal to the editor and takes it back), one typed inline, W then n (nothing sent), quit;
 * the state file and the replies are on disk. Skips when tmux is not installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAS_TMUX, tmuxDriver } from './support/tmux.js';

const SOCKET = `patchscope-review-e2e-${process.pid}`;
const SESSION = 'review';
if (!HAS_TMUX) console.log('tui-review-e2e: skipped, tmux not installed');
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-review-e2e-'));
const STATE = join(tmp, 'state', 'patchscope', 'reviews');

const { waitFor, press, typeText, kill, startPatchscope } = tmuxDriver(SOCKET, SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!HAS_TMUX)('writing the review in a real terminal (tmux)', () => {
  beforeAll(() => {
    const editor = join(tmp, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Written in a real editor.\\n" > "$1"\n');
    chmodSync(editor, 0o755);
    startPatchscope(tmp, ['--from', 'Rev Iewer <rev@example.org>'], { EDITOR: editor });
  }, 60000);

  afterAll(() => {
    kill();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('takes a comment from $EDITOR and one typed inline, writes the replies, sends nothing on n', async () => {
    await waitFor('patches');
    await press('2', '6', 'G', 'Enter');
    await waitFor('26/26');
    await press('/');
    await typeText('static int test_match_result');
    await press('Enter');
    await waitFor('/static int test_match_result');
    await press('C');
    let s = await waitFor('✎ Written in a real editor.');
    expect(s).toMatch(/\+static int test_match_result;\n +✎ Written in a real editor\./);
    // The whole frame is back after the editor, status line included.
    expect(s).toContain('patchscope › v1 › 26/26');
    await press('c');
    await typeText('And one typed inline.');
    await press('Enter');
    s = await waitFor('✎ And one typed inline.');
    await press('W');
    s = await waitFor('y/N');
    expect(s).toMatch(/send 1 reply by /);
    await press('n');
    await waitFor('not sent');
    await press('Q');
    await sleep(500);
    const files = readdirSync(STATE).sort();
    const state = JSON.parse(readFileSync(join(STATE, files.find((f) => f.endsWith('.json'))!), 'utf8'));
    expect(state.comments.map((c: { text: string }) => c.text)).toEqual(['Written in a real editor.', 'And one typed inline.']);
    const mbox = readFileSync(join(STATE, files.find((f) => f.endsWith('-replies.mbox'))!), 'utf8');
    expect(mbox).toMatch(/^> \+static int test_match_result;\n\nWritten in a real editor\.\n\nAnd one typed inline\.$/m);
  }, 120000);
});
