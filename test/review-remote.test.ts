// A reviewer's state for v1 follows them to v2 opened by Message-ID from a REAL public-inbox server
// (Debian's public-inbox; seeded with v2's cover and patches 1-2 only: ~1 s a message): the saved
// review of the bundled v1 moves onto the fetched v2 by shared patch subjects (the state remembers
// them; v1 itself is not in the fetched thread), the comment on a line v2 keeps is written threaded to
// v2's patch, the one on patch 23 (not in v2) is listed and kept. Skipped when public-inbox is absent.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeriesSet, type PatchSeries } from '../src/series/index.js';
import { emptyState, keyOf, saveReviewState, stateDir, stateFileName, withAnchors, type ReviewComment } from '../src/review/index.js';
import { mboxMessages, publicInboxMissing, seedInbox, startHttpd } from './support/public-inbox.mjs';

const ROOT = resolve(__dirname, '..');
const BIN = resolve(ROOT, 'bin/patchscope');
const FIXTURE = resolve(ROOT, 'fixtures/dmabuf-mapping-types');
const V2_COVER = '0-v2-7d3e9a41c2b8+2f5-dmabuf_map_type_jgg@nvidia.com';

const missing = publicInboxMissing();
if (missing) process.stderr.write(`review-remote suite skipped: ${missing}\n`);

describe.skipIf(missing !== null)('a saved review follows the reviewer to the next version opened by Message-ID', () => {
  let dir = '';
  let inbox = '';
  let stop: () => void = () => {};
  let v1: PatchSeries;
  let v2: PatchSeries;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'patchscope-review-remote-'));
    const msgs = mboxMessages(join(FIXTURE, 'series-v2.mbox')).filter((m: Buffer) => /^Message-I[dD]: <[012]-v2-/m.test(m.toString('latin1')));
    expect(msgs).toHaveLength(3);
    const httpd = await startHttpd(seedInbox(join(dir, 'pi'), 'test', msgs), 'test');
    inbox = httpd.inbox;
    stop = httpd.stop;
    mkdirSync(join(dir, 'user'));
    writeFileSync(join(dir, 'user', '.gitconfig'), '[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n');
    v1 = (await loadSeriesSet(join(FIXTURE, 'series.mbox'))).series[0]!;
    v2 = (await loadSeriesSet(join(FIXTURE, 'series-v2.mbox'))).series[0]!;
  }, 300_000);
  afterAll(() => {
    stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('review <v2 Message-ID> writes the v1 comments that found their line, and lists the rest', async () => {
    // A line of v1's patch 2 that v2's patch 2 still adds, word for word; and a line of patch 23.
    const kept = new Set(v2.patches.find((p) => p.index === 2)!.files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind === 'add').map((l) => `${f.path}\0${l.text}`))));
    const p2 = v1.patches.find((p) => p.index === 2)!;
    const f = p2.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'add' && kept.has(`${x.path}\0${l.text}`) && l.text.trim().length > 10)))!;
    const l = f.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'add' && kept.has(`${f.path}\0${x.text}`) && x.text.trim().length > 10)!;
    const p23 = v1.patches.find((p) => p.index === 23)!;
    const l23 = p23.files[0]!.hunks[0]!.lines.find((x) => x.kind === 'add')!;
    const comments: ReviewComment[] = [
      { id: 't1', patch: 2, target: { kind: 'line', file: f.path, line: l.newLine!, side: 'new' }, text: 'Carried to v2: is this the right type?' },
      { id: 't2', patch: 23, target: { kind: 'line', file: p23.files[0]!.path, line: l23.newLine!, side: 'new' }, text: 'Patch 23 is not in v2.' },
    ];
    const state = join(dir, 'state');
    saveReviewState(join(stateDir({ XDG_STATE_HOME: state }), stateFileName(keyOf(v1))), { ...emptyState(v1, null), ...withAnchors(v1, { comments, trailers: [] }) });
    const out = join(dir, 'replies.mbox');
    const r = spawnSync(process.execPath, [BIN, 'review', '--no-cache', '--server', inbox, `<${V2_COVER}>`, '-o', out], {
      cwd: dir, encoding: 'utf8',
      env: { ...process.env, HOME: join(dir, 'user'), XDG_CACHE_HOME: join(dir, 'cache'), XDG_STATE_HOME: state, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(dir, 'user', '.gitconfig'), FORCE_COLOR: '0', PATCHSCOPE_SERVER: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/saved review of v1 moved here: 1 comment and 0 trailers placed/);
    expect(r.stderr).toMatch(/1 comment of v1 found no place in this version: not in the replies, kept in .*-v2-.*\.json/);
    const mbox = readFileSync(out, 'utf8');
    expect(mbox).toContain('Carried to v2: is this the right type?');
    expect(mbox).not.toContain('Patch 23 is not in v2.');
    const v2p2 = v2.patches.find((p) => p.index === 2)!.messageId;
    expect(mbox).toMatch(new RegExp(`^In-Reply-To: <${v2p2.replace(/[+.]/g, '\\$&')}>$`, 'm'));
    expect(mbox).toMatch(/^Subject: Re: \[PATCH v2 02\/20\] /m);
    // The quoted line is v2's, the one the comment moved onto.
    expect(mbox).toContain(`> +${l.text}`);
    expect(readdirSync(join(state, 'patchscope', 'reviews')).filter((n) => n.includes('-v2-'))).toEqual([]);
  }, 120_000);
});
