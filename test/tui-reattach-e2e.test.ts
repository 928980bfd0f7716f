/**
 * Re-attaching comments of an older version in a real pseudo-terminal (tmux, 120x40): a review of the
 * bundled v1 is saved with comments on patches v2 dropped; opening v2 alone lists them under the series
 * header, `u` shows them, Enter takes one, `c` on a line of v2 puts it there, `d` then `y` drops the
 * other; after quitting, v2's state file holds the re-attached comment and no unmatched one (nothing
 * lost: every comment is placed or was dropped on the reviewer's word). Skips when tmux is not installed.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HAS_TMUX, tmuxDriver } from './support/tmux.js';
import { loadSeriesSet } from '../src/series/index.js';
import { emptyState, keyOf, saveReviewState, stateFileName, withAnchors, type ReviewComment } from '../src/review/index.js';

const ROOT = resolve(__dirname, '..');
const FIX = join(ROOT, 'fixtures/dmabuf-mapping-types');
const SOCKET = `patchscope-reattach-e2e-${process.pid}`;
const SESSION = 'reattach';
if (!HAS_TMUX) console.log('tui-reattach-e2e: skipped, tmux not installed');
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-reattach-e2e-'));
const STATE = join(tmp, 'state', 'patchscope', 'reviews');
/** The first added line of v2's patch 2, where the comment is put. */
let target = '';

const { waitFor, press, typeText, kill, startPatchscope } = tmuxDriver(SOCKET, SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A comment on the first added line of a v1 patch. */
function onFirstAdded(series: Awaited<ReturnType<typeof loadSeriesSet>>['series'][number], patch: number, text: string): ReviewComment {
  const p = series.patches.find((x) => x.index === patch)!;
  const f = p.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'add')))!;
  const l = f.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'add')!;
  return { id: `t${patch}`, patch, target: { kind: 'line', file: f.path, line: l.newLine!, side: 'new' }, text };
}

describe.skipIf(!HAS_TMUX)('re-attaching comments of an older version in a real terminal (tmux)', () => {
  beforeAll(async () => {
    const v1 = (await loadSeriesSet(join(FIX, 'series.mbox'))).series[0]!;
    const v2 = (await loadSeriesSet(join(FIX, 'series-v2.mbox'))).series[0]!;
    target = v2.patches.find((p) => p.index === 2)!.files[0]!.hunks[0]!.lines.find((l) => l.kind === 'add' && l.text.trim().length > 12)!.text;
    const review = withAnchors(v1, { comments: [onFirstAdded(v1, 23, 'Who holds the lock here?'), onFirstAdded(v1, 24, 'Typo in the comment.')], trailers: [] });
    saveReviewState(join(STATE, stateFileName(keyOf(v1))), { ...emptyState(v1, null), ...review });
    startPatchscope(tmp, [join(FIX, 'series-v2.mbox'), '--from', 'Rev Iewer <rev@example.org>']);
  }, 60000);

  afterAll(() => {
    kill();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('u lists them; Enter takes one and c puts it on a line of v2; d and y drop the other; the state file says so', async () => {
    let s = await waitFor('2 comments of v1 found no place in this version (u: re-attach or drop)');
    expect(s).toContain('Who holds the lock here?');
    await press('u');
    s = await waitFor('Comments with no place in this version');
    expect(s).toMatch(/✎ v1 23 io_pagetable.h:\d+ .*\n +was on: \+.*\n +Who holds the lock here\?/);
    await press('Enter');
    await waitFor('carrying "Who holds the lock here?"');
    // Patch 2 of v2, its first added line.
    await press('2', 'G', 'Enter');
    await waitFor('v2 › 2/');
    await press('/');
    await typeText(`+${target}`);
    await press('Enter');
    await waitFor(`/+${target.slice(0, 20)}`);
    await press('c');
    s = await waitFor('re-attached at 2 ');
    expect(s).toContain(`+${target}`);
    expect(s.split('\n').findIndex((l) => l.includes('✎ Who holds the lock here?')) - s.split('\n').findIndex((l) => l.includes(`+${target}`))).toBe(1);
    await press('Escape', 'u');
    await waitFor('Typo in the comment.');
    await press('d');
    await waitFor('for good? y/N');
    await press('y');
    await waitFor('dropped; 0 left in the list');
    await press('W');
    await waitFor('y/N');
    await press('n');
    await waitFor('not sent');
    await press('Q');
    await sleep(500);
    const files = readdirSync(STATE).filter((f) => f.includes('-v2-') && f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const state = JSON.parse(readFileSync(join(STATE, files[0]!), 'utf8'));
    expect(state.comments).toEqual([expect.objectContaining({ patch: 2, text: 'Who holds the lock here?', target: expect.objectContaining({ kind: 'line', side: 'new' }) })]);
    expect(state.unmatched).toEqual([]);
    // v1's own file is as it was: both comments still there.
    const v1File = readdirSync(STATE).find((f) => f.includes('-v1-'))!;
    expect(JSON.parse(readFileSync(join(STATE, v1File), 'utf8')).comments).toHaveLength(2);
    // The CLI writes the same replies from the same state (bodies and subjects; ids and dates are fresh).
    const tui = readFileSync(join(STATE, files[0]!.replace(/\.json$/, '-replies.mbox')), 'utf8');
    const cli = spawnSync(process.execPath, [resolve(ROOT, 'bin/patchscope'), 'review', join(FIX, 'series-v2.mbox'), '--from', 'Rev Iewer <rev@example.org>'], {
      encoding: 'utf8', env: { ...process.env, HOME: tmp, XDG_STATE_HOME: join(tmp, 'state'), GIT_CONFIG_NOSYSTEM: '1' },
    });
    expect(cli.status).toBe(0);
    const strip = (mbox: string) => mbox.replace(/^(From patchscope|Message-ID:|Date:) .*$/gm, '');
    expect(strip(cli.stdout)).toBe(strip(tui));
    expect(tui).toContain('Who holds the lock here?');
  }, 120000);
});
