// Review state between sessions, on the bundled v1 and v2 (v2 drops patches 21-26 and changes the
// rest): resume, move to the newer version by range-diff pairing (unmatched comments kept and listed),
// a file of another series refused, written atomically.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSeriesSet, type PatchSeries, type SeriesSet } from '../series/index.js';
import { checkReview, openReviewState, saveReviewState, stateDir, stateFileName, keyOf, withAnchors, type ReviewComment } from './index.js';

const FIX = resolve(__dirname, '../../fixtures/dmabuf-mapping-types');
const ME = { name: 'Rev Iewer', email: 'rev@example.org' };
let set: SeriesSet;
let v1: PatchSeries;
let v2: PatchSeries;
const dirs: string[] = [];
const fresh = () => { const d = mkdtempSync(join(tmpdir(), 'patchscope-state-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

beforeAll(async () => {
  set = await loadSeriesSet([join(FIX, 'series.mbox'), join(FIX, 'series-v2.mbox')]);
  [v1, v2] = [set.series.find((s) => s.version === 1)!, set.series.find((s) => s.version === 2)!];
});

/** A comment on every added line of `patch`'s first file that v2 still has word for word, and one it does not. */
function lineComment(s: PatchSeries, patch: number, pick: (text: string) => boolean): ReviewComment {
  const p = s.patches.find((x) => x.index === patch)!;
  for (const f of p.files) for (const h of f.hunks) for (const l of h.lines) {
    if (l.kind === 'add' && pick(l.text)) return { id: `p${patch}-${l.newLine}`, patch, target: { kind: 'line', file: f.path, line: l.newLine!, side: 'new' }, text: `about: ${l.text.trim()}` };
  }
  throw new Error(`no such line in patch ${patch}`);
}

describe('review state', () => {
  it('should live under XDG_STATE_HOME, one file per root Message-ID and version', () => {
    expect(stateDir({ XDG_STATE_HOME: '/x/state', HOME: '/h' })).toBe('/x/state/patchscope/reviews');
    expect(stateDir({ HOME: '/h' })).toBe('/h/.local/state/patchscope/reviews');
    expect(stateFileName(keyOf(v1))).not.toBe(stateFileName(keyOf(v2)));
    expect(stateFileName({ rootId: '../../etc/passwd', version: 1 })).not.toContain('/');
  });

  it('should resume what was saved, and leave no temporary file behind', () => {
    const dir = fresh();
    const first = openReviewState(dir, set, v1, ME);
    expect(first.kind).toBe('fresh');
    const c = lineComment(v1, 3, () => true);
    saveReviewState(first.path, { ...first.state, ...withAnchors(v1, { comments: [c], trailers: [{ patch: 3, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' }] }) });
    expect(readdirSync(dir)).toEqual([stateFileName(keyOf(v1))]);
    const again = openReviewState(dir, set, v1, ME);
    expect(again.kind).toBe('resumed');
    expect(again.state.comments).toEqual([{ ...c, anchor: expect.stringMatching(/^\+/) }]);
    expect(again.state.trailers).toHaveLength(1);
  });

  it('should move comments to v2 by range-diff pairing, list those v2 lost, and keep the v1 file as it was', () => {
    const dir = fresh();
    const opened = openReviewState(dir, set, v1, ME);
    // A line v2 keeps in patch 3 (shared by both versions), and a line of patch 23, which v2 dropped.
    const p3v2 = new Set(v2.patches.find((p) => p.index === 3)!.files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind === 'add').map((l) => l.text))));
    const kept = lineComment(v1, 3, (t) => p3v2.has(t) && t.trim().length > 8);
    const lost = lineComment(v1, 23, () => true);
    const review = withAnchors(v1, { comments: [kept, lost], trailers: [{ patch: 3, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' }] });
    saveReviewState(opened.path, { ...opened.state, ...review });
    const before = readFileSync(opened.path, 'utf8');

    const moved = openReviewState(dir, set, v2, ME);
    expect(moved.kind).toBe('moved');
    if (moved.kind !== 'moved') return;
    expect(moved.from).toEqual(keyOf(v1));
    expect(moved.state.series).toMatchObject(keyOf(v2));
    expect(moved.state.comments).toHaveLength(1);
    const c = moved.state.comments[0]!;
    expect(c.patch).toBe(3);
    expect(c.text).toBe(kept.text);
    expect(checkReview(v2, moved.state)).toEqual([]);
    // The comment sits on the same text in v2 (its number may differ).
    const t = c.target as { file: string; line: number };
    const line = v2.patches.find((p) => p.index === 3)!.files.flatMap((f) => (f.path === t.file ? f.hunks.flatMap((h) => h.lines) : [])).find((l) => l.newLine === t.line && l.kind !== 'remove');
    expect(`+${line!.text}`).toBe(c.anchor);
    expect(moved.state.unmatched.map((u) => u.id)).toEqual([lost.id]);
    // Patch 3 changed between v1 and v2: a review of v1 is not one of v2, so the trailer is left out, and listed.
    expect(moved.state.trailers).toEqual([]);
    expect(moved.state.trailersLeft).toHaveLength(1);
    expect(readFileSync(opened.path, 'utf8')).toBe(before);
  });

  it('should move by shared patch subjects when the older version is not in the input (what the state file remembers)', async () => {
    const dir = fresh();
    const opened = openReviewState(dir, set, v1, ME);
    const p3v2 = new Set(v2.patches.find((p) => p.index === 3)!.files.flatMap((f) => f.hunks.flatMap((h) => h.lines.map((l) => l.text))));
    const kept = lineComment(v1, 3, (t) => p3v2.has(t) && t.trim().length > 8);
    saveReviewState(opened.path, { ...opened.state, ...withAnchors(v1, { comments: [kept], trailers: [] }) });
    const onlyV2 = await loadSeriesSet(join(FIX, 'series-v2.mbox'));
    const moved = openReviewState(dir, onlyV2, onlyV2.series[0]!, ME);
    expect(moved.kind).toBe('moved');
    expect(moved.state.comments.map((c) => c.patch)).toEqual([3]);
  });

  it('should report a state file holding another series or version, not apply it, and move it aside', () => {
    const dir = fresh();
    const opened = openReviewState(dir, set, v1, ME);
    saveReviewState(opened.path, { ...opened.state, comments: [lineComment(v1, 3, () => true)] });
    const v2Path = join(dir, stateFileName(keyOf(v2)));
    copyFileSync(opened.path, v2Path);
    const r = openReviewState(dir, set, v2, ME);
    expect(r.kind).toBe('foreign');
    if (r.kind !== 'foreign') return;
    expect(r.found).toMatchObject(keyOf(v1));
    expect(r.state.comments).toEqual([]);
    // Not lost: moved aside (v1's own name is taken by the original, so beside it), v2's name is free.
    expect(existsSync(v2Path)).toBe(false);
    expect(r.movedTo).toBe(opened.path.replace(/\.json$/, '.displaced-1.json'));
    expect(readFileSync(r.movedTo, 'utf8')).toBe(readFileSync(opened.path, 'utf8'));
    expect(openReviewState(dir, set, v2, ME).kind).not.toBe('foreign');
  });

  it('should refuse a file that is not a review state, naming it', () => {
    const dir = fresh();
    const opened = openReviewState(dir, set, v1, ME);
    saveReviewState(opened.path, { ...opened.state });
    writeFileSync(opened.path, '{"format":"other"}');
    expect(() => openReviewState(dir, set, v1, ME)).toThrow(new RegExp(`${stateFileName(keyOf(v1)).replace(/[.+]/g, '\\$&')}: not a review state file`));
  });
});
