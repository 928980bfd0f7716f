// `patchscope review INPUT` and the review state the TUI keeps: without --comments it writes the saved
// review; --comments adds to it (saved atomically), an identical comment is not doubled, nothing saved
// is replaced; comments in == comments out. On the bundled series and on real corpus threads, the
// mails read back by our parser (and b4 am -t where b4 reads the thread).
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSeriesSet, type PatchSeries } from '../src/series/index.js';
import { emptyState, keyOf, saveReviewState, stateDir, stateFileName, withAnchors, type Review, type ReviewComment } from '../src/review/index.js';
import { describeShared, sharedPath } from './support/shared.js';

const ROOT = resolve(__dirname, '..');
const BIN = resolve(ROOT, 'bin/patchscope');
const SERIES = resolve(ROOT, 'fixtures/dmabuf-mapping-types/series.mbox');
const ME = { name: 'Rev Iewer', email: 'rev@example.org' };
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-review-state-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
writeFileSync(join(tmp, '.gitconfig'), '[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n');
const HAS_B4 = (() => { try { execFileSync('b4', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!HAS_B4) console.log('cli-review-state: b4 am check skipped, b4 not installed');

function run(args: string[], state: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: tmp, encoding: 'utf8',
    env: { ...process.env, HOME: tmp, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(tmp, '.config'), XDG_STATE_HOME: state, FORCE_COLOR: '0' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A comment on the `nth` added line of a patch's first file with added lines. */
function onAdded(s: PatchSeries, patch: number, nth: number, text: string): ReviewComment | null {
  const p = s.patches.find((x) => x.index === patch)!;
  const f = p.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'add')));
  const l = f?.hunks.flatMap((h) => h.lines).filter((x) => x.kind === 'add')[nth];
  return f && l ? { id: `t${patch * 10 + nth}`, patch, target: { kind: 'line', file: f.path, line: l.newLine!, side: 'new' }, text } : null;
}

/** The review as the TUI saves it, in `state` (an XDG_STATE_HOME). */
function saveAsTui(state: string, s: PatchSeries, review: Review): string {
  const path = join(stateDir({ XDG_STATE_HOME: state }), stateFileName(keyOf(s)));
  saveReviewState(path, { ...emptyState(s, ME), ...withAnchors(s, review) });
  return path;
}

/** The comments file format of README "Writing the review". */
function asJson(c: ReviewComment) {
  const t = c.target;
  if (t.kind !== 'line') throw new Error('line comments only');
  return { patch: c.patch, file: t.file, line: t.line, side: t.side, text: c.text };
}

/** How many times each text is in the mails' bodies (decoded by our parser: replies' new text). */
async function countInReplies(thread: string, mbox: string, s: PatchSeries, texts: string[]): Promise<number[]> {
  const back = await loadSeriesSet([thread, mbox], { mboxrd: true });
  const again = back.series.find((x) => x.rootId === s.rootId && x.version === s.version)!;
  const ours = [...again.patches, ...(again.cover ? [again.cover] : [])].flatMap((p) => p.replies.filter((r) => r.author?.email === ME.email));
  // A comment's text is wrapped at 72 columns in the mail: compared with runs of white space made one.
  const flat = (t: string) => t.replace(/\s+/g, ' ').trim();
  return texts.map((t) => ours.reduce((n, r) => n + flat(r.newText).split(flat(t)).length - 1, 0));
}

describe('review INPUT and the saved review state', () => {
  let v1: PatchSeries;
  const state = join(tmp, 'state-bundled');
  beforeAll(async () => { v1 = (await loadSeriesSet(SERIES)).series[0]!; });

  it('without --comments writes the saved review; --comments adds to it once, however often it is given', async () => {
    const saved = [onAdded(v1, 23, 0, 'Saved: who holds the lock here?')!, onAdded(v1, 3, 1, 'Saved: this wants a comment.')!];
    const path = saveAsTui(state, v1, { comments: saved, trailers: [{ patch: 21, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' }] });
    const out1 = join(tmp, 'saved.mbox');
    const before = readFileSync(path, 'utf8');
    const r1 = run(['review', SERIES, '-o', out1], state);
    expect(r1.code).toBe(0);
    expect(r1.err).toContain(`saved review: 2 comments and 1 trailer (${path})`);
    expect(r1.err).toContain('3 replies to v1 of "');
    expect(await countInReplies(SERIES, out1, v1, saved.map((c) => c.text))).toEqual([1, 1]);
    // Writing the saved review changes nothing on disk.
    expect(readFileSync(path, 'utf8')).toBe(before);

    // One comment the state has word for word, one new, a trailer: 3 + 1 + 1 in, 3 comments out.
    const fresh = onAdded(v1, 26, 0, 'From the file: is this tested?')!;
    const file = join(tmp, 'add.json');
    writeFileSync(file, JSON.stringify({ comments: [asJson(saved[0]!), asJson(fresh)], trailers: [{ patch: 0, trailer: 'Acked-by' }] }));
    const out2 = join(tmp, 'merged.mbox');
    const r2 = run(['review', SERIES, '--comments', file, '-o', out2, '--from', 'Rev Iewer <rev@example.org>'], state);
    expect(r2.code).toBe(0);
    expect(r2.err).toContain(`${file}: 1 comment and 1 trailer added; already saved, not doubled: 1 comment, 0 trailers`);
    expect(r2.err).toContain(`saved: 3 comments and 2 trailers in ${path}`);
    expect(r2.err).toMatch(/replies to v1 of ".*": 3 comments, 2 trailers/);
    expect(await countInReplies(SERIES, out2, v1, [...saved, fresh].map((c) => c.text))).toEqual([1, 1, 1]);
    const st = JSON.parse(readFileSync(path, 'utf8'));
    expect(st.comments.map((c: ReviewComment) => c.text)).toEqual([...saved, fresh].map((c) => c.text));
    // The added comment gets the next of the TUI's ids and an anchor, so it can move to v2.
    expect(st.comments[2]).toMatchObject({ id: 't231', anchor: expect.stringMatching(/^\+/) });
    expect(st.trailers.map((t: { key: string }) => t.key)).toEqual(['Reviewed-by', 'Acked-by']);

    // Again: nothing added, nothing saved, the same mails.
    const merged = readFileSync(path, 'utf8');
    const r3 = run(['review', SERIES, '--comments', file, '-o', join(tmp, 'again.mbox'), '--from', 'Rev Iewer <rev@example.org>'], state);
    expect(r3.err).toContain(`${file}: 0 comments and 0 trailers added; already saved, not doubled: 2 comments, 1 trailer`);
    expect(r3.err).not.toContain('saved: ');
    expect(readFileSync(path, 'utf8')).toBe(merged);
    const bodies = (f: string) => readFileSync(f, 'utf8').split(/^From patchscope .*\n/m).filter(Boolean).map((m) => m.slice(m.indexOf('\n\n')));
    expect(bodies(join(tmp, 'again.mbox'))).toEqual(bodies(out2));
  });

  it('a refused --comments file changes nothing saved', () => {
    const own = join(tmp, 'state-refused');
    const path = saveAsTui(own, v1, { comments: [onAdded(v1, 23, 0, 'Saved before the refusal.')!], trailers: [] });
    const before = readFileSync(path, 'utf8');
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ comments: [{ patch: 23, file: 'drivers/iommu/iommufd/pages.c', line: 99999, text: 'off the patch' }] }));
    const r = run(['review', SERIES, '--comments', bad], own);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('lists comments of an older version that found no place, and keeps them out of the mails', async () => {
    const v2file = resolve(ROOT, 'fixtures/dmabuf-mapping-types/series-v2.mbox');
    const st = join(tmp, 'state-moved');
    // Patch 23 is gone from v2: that comment has no place there.
    saveAsTui(st, v1, { comments: [onAdded(v1, 23, 0, 'Lost in v2?')!], trailers: [{ patch: 0, key: 'Acked-by', value: 'Rev Iewer <rev@example.org>' }] });
    const r = run(['review', v2file], st);
    expect(r.err).toMatch(/saved review of v1 moved here: 0 comments and 0 trailers placed/);
    expect(r.err).toMatch(/1 comment of v1 found no place in this version: not in the replies, kept in .*-v2-.*\.json \(the TUI's u re-attaches or drops them\)/);
    expect(r.err).toMatch(/1 trailer of v1 not carried \(the patch changed or is gone: a review of one version is not one of the next\)/);
    expect(r.err).toMatch(/nothing to write for v2/);
    expect(r.code).toBe(2);
  });
});

const THREADS = ['corpus', 'linaro-mm-sig', 'threads'];

describeShared('review INPUT with a saved review on real threads', THREADS, () => {
  it('writes saved + added comments, each once, threaded so our parser reads them back', async () => {
    const names = readdirSync(sharedPath(...THREADS)).sort();
    let checked = 0;
    let b4checked = 0;
    for (const name of names) {
      if (checked >= 10 && (!HAS_B4 || b4checked >= 2)) break;
      const thread = sharedPath(...THREADS, name, 'thread.mbox');
      const set = await loadSeriesSet(thread, { mboxrd: true });
      const s = set.series.reduce<PatchSeries | undefined>((b, x) => (!b || x.version > b.version ? x : b), undefined);
      if (!s || s.patches.length < 2 || set.series.length !== 1) continue;
      const saved = s.patches.map((p) => onAdded(s, p.index, 0, `Saved comment on ${name} patch ${p.index}.`)).filter((c): c is ReviewComment => c !== null);
      const added = s.patches.map((p) => onAdded(s, p.index, 1, `Added comment on ${name} patch ${p.index}.`)).filter((c): c is ReviewComment => c !== null);
      if (saved.length < 2 || added.length < 1) continue;
      const st = join(tmp, `state-${checked}`);
      saveAsTui(st, s, { comments: saved, trailers: [] });
      const file = join(tmp, `${name}.json`);
      writeFileSync(file, JSON.stringify({ comments: [...added, saved[0]!].map(asJson), trailers: s.patches.map((p) => ({ patch: p.index, trailer: 'Reviewed-by' })) }));
      const out = join(tmp, `${name}.replies.mbox`);
      const r = run(['review', thread, '--comments', file, '-o', out, '--from', 'Rev Iewer <rev@example.org>'], st);
      expect(r.code, `${name}: ${r.err}`).toBe(0);
      // In: saved + added + one duplicate; out: saved + added, each in exactly one reply.
      expect(r.err, name).toContain(`${added.length} comment${added.length === 1 ? '' : 's'} and ${s.patches.length} trailers added; already saved, not doubled: 1 comment, 0 trailers`);
      const counts = await countInReplies(thread, out, s, [...saved, ...added].map((c) => c.text));
      expect(counts, name).toEqual(counts.map(() => 1));
      if (HAS_B4 && b4checked < 3) {
        const expected = JSON.parse(readFileSync(sharedPath(...THREADS, name, 'expected.json'), 'utf8')) as { b4?: { b4Crashed?: boolean; patchCount?: number } };
        if (expected.b4 && !expected.b4.b4Crashed && expected.b4.patchCount === s.patches.length) {
          const all = join(tmp, `${name}.all.mbox`);
          writeFileSync(all, readFileSync(thread, 'utf8') + readFileSync(out, 'utf8'));
          const dir = join(tmp, `${name}.b4`);
          mkdirSync(dir);
          execFileSync('b4', ['--offline-mode', 'am', '-t', '-m', all, '-o', dir, `<${s.patches[0]!.messageId}>`], { stdio: 'ignore', env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp, GIT_CONFIG_NOSYSTEM: '1' } });
          const mbx = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.mbx'))!), 'utf8');
          expect(mbx.split('Reviewed-by: Rev Iewer <rev@example.org>').length - 1, name).toBe(s.patches.length);
          b4checked++;
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    if (HAS_B4) expect(b4checked).toBeGreaterThan(0);
  }, 600_000);
});
