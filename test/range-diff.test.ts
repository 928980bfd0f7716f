// rangeDiff must pair patches as `git range-diff` does. Two versions of a small series are built as
// real commits in a temporary repository; git range-diff runs on the two ranges and its pairing
// (parsed from its output) must equal ours, patch by patch and in the same order.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleGit, type SimpleGit } from 'simple-git';
import { rangeDiff, seriesFromLiteral, type PatchLiteral } from '../src/analysis/versions/index.js';
import type { PatchSeries } from '../src/series/types.js';
import { loadSeriesSet } from '../src/series/index.js';
import { formatRangeDiff } from '../src/present/report/range-diff-text.js';

let dir: string;
let git: SimpleGit;

function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix} line ${i + 1}`).join('\n') + '\n';
}

function edit(text: string, at: number, replacement: string): string {
  const l = text.split('\n');
  l[at] = replacement;
  return l.join('\n');
}

async function commit(files: Record<string, string>, message: string): Promise<void> {
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  await git.add(Object.keys(files));
  await git.commit(message);
}

const BASE: Record<string, string> = { 'a.c': lines('alpha', 30), 'b.c': lines('beta', 30), 'c.c': lines('gamma', 30) };

async function buildVersions(): Promise<void> {
  await commit(BASE, 'base');
  await git.branch(['base']);
  // v1: four patches.
  await git.checkout(['-b', 'v1', 'base']);
  await commit({ 'a.c': edit(BASE['a.c']!, 4, 'alpha CHANGED') }, 'a: change line 5\n\nSigned-off-by: Ann Author <ann@example.org>');
  await commit({ 'b.c': edit(BASE['b.c']!, 9, 'beta CHANGED') }, 'b: change line 10\n\nSigned-off-by: Ann Author <ann@example.org>');
  await commit({ 'c.c': edit(edit(BASE['c.c']!, 14, 'gamma ONE'), 15, 'gamma TWO') }, 'c: change lines 15-16\n\nSigned-off-by: Ann Author <ann@example.org>');
  await commit({ 'd.c': lines('delta', 12) }, 'd: add d.c\n\nSigned-off-by: Ann Author <ann@example.org>');
  // v2: a unchanged but reviewed, c reworked and moved before b, d dropped, e added.
  await git.checkout(['-b', 'v2', 'base']);
  await commit({ 'a.c': edit(BASE['a.c']!, 4, 'alpha CHANGED') },
    'a: change line 5\n\nSigned-off-by: Ann Author <ann@example.org>\nReviewed-by: Rev Iewer <rev@example.org>');
  await commit({ 'c.c': edit(edit(BASE['c.c']!, 14, 'gamma ONE'), 15, 'gamma TWO, reworked') }, 'c: change lines 15-16\n\nSigned-off-by: Ann Author <ann@example.org>');
  await commit({ 'b.c': edit(BASE['b.c']!, 9, 'beta CHANGED') }, 'b: change line 10\n\nSigned-off-by: Ann Author <ann@example.org>');
  await commit({ 'e.c': lines('epsilon', 40) }, 'e: add e.c\n\nSigned-off-by: Ann Author <ann@example.org>');
}

/** A version as the mail parser would see it: subject, message, author and diff of each commit. */
async function seriesOf(range: string, version: number): Promise<PatchSeries> {
  const shas = (await git.raw(['rev-list', '--reverse', range])).trim().split('\n');
  const patches: PatchLiteral[] = [];
  for (const sha of shas) {
    const subject = (await git.raw(['log', '-1', '--format=%s', sha])).trim();
    const message = (await git.raw(['log', '-1', '--format=%b', sha])).trim();
    const diff = await git.raw(['show', '--format=', '--patch', sha]);
    patches.push({ subject, message, diff });
  }
  return seriesFromLiteral({ title: 'toy series', version, patches });
}

/** `old:new:status` triples from git range-diff's header lines. */
function parseGitRangeDiff(out: string): string[] {
  const header = /^\s*(\d+|-):\s+[0-9a-f-]+ ([=!<>]) \s*(\d+|-):\s+[0-9a-f-]+ /;
  return out.split('\n').flatMap((l) => {
    const m = header.exec(l);
    return m ? [`${m[1]}:${m[3]}:${m[2]}`] : [];
  });
}

function ourTriples(old: PatchSeries, neu: PatchSeries, creationFactor?: number): string[] {
  const status = { same: '=', changed: '!', dropped: '<', added: '>' } as const;
  return rangeDiff(old, neu, { creationFactor }).entries.map((e) => {
    const o = e.kind === 'added' ? '-' : String(e.old.index);
    const n = e.kind === 'dropped' ? '-' : String(e.new.index);
    return `${o}:${n}:${status[e.kind]}`;
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-range-diff-'));
  git = simpleGit({ baseDir: dir });
  await git.init();
  await git.addConfig('user.name', 'Test');
  await git.addConfig('user.email', 'test@example.org');
  await git.addConfig('commit.gpgsign', 'false');
  await buildVersions();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rangeDiff against git range-diff', () => {
  it('pairs, drops, adds and orders patches exactly as git does', async () => {
    const gitOut = await git.raw(['range-diff', '--no-color', 'base..v1', 'base..v2']);
    const expected = parseGitRangeDiff(gitOut);
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const ours = ourTriples(await seriesOf('base..v1', 1), await seriesOf('base..v2', 2));
    expect(ours).toEqual(expected);
  });

  it('agrees with git at a low creation factor too, where reworked patches stop pairing', async () => {
    const gitOut = await git.raw(['range-diff', '--no-color', '--creation-factor=5', 'base..v1', 'base..v2']);
    const ours = ourTriples(await seriesOf('base..v1', 1), await seriesOf('base..v2', 2), 5);
    expect(ours).toEqual(parseGitRangeDiff(gitOut));
  });

  it('reports the moved patch, the message change and the review trailer that v2 carries', async () => {
    const diff = rangeDiff(await seriesOf('base..v1', 1), await seriesOf('base..v2', 2));
    const moved = diff.entries.filter((e) => (e.kind === 'same' || e.kind === 'changed') && e.moved);
    expect(moved.map((e) => (e.kind === 'added' || e.kind === 'dropped' ? '' : e.new.subject)).sort()).toEqual(['c: change lines 15-16']);
    const first = diff.entries[0]!;
    expect(first.kind).toBe('changed');
    if (first.kind !== 'changed') return;
    expect(first.cost).toBe(0);
    expect(first.messageDiff).toContain('+Reviewed-by: Rev Iewer <rev@example.org>');
    expect(first.trailers.added.map((t) => t.key)).toEqual(['Reviewed-by']);
  });

  it('prints the same header lines as git, commit ids aside', async () => {
    const gitOut = await git.raw(['range-diff', '--no-color', 'base..v1', 'base..v2']);
    const text = formatRangeDiff(rangeDiff(await seriesOf('base..v1', 1), await seriesOf('base..v2', 2)));
    const headers = (out: string) => out.split('\n').filter((l) => /^\s*(\d+|-):  /.test(l)).map((l) => l.replace(/[0-9a-f]{7}/g, 'HASH').replace(' (moved)', ''));
    expect(headers(text)).toEqual(headers(gitOut));
    expect(text).toContain('    +    Reviewed-by: Rev Iewer <rev@example.org>');
  });
});

// The bundled v2 (the seed's step 1 only: rebased, review trailers folded in, one patch reworked).
const FIXTURE = resolve(__dirname, '..', 'fixtures', 'dmabuf-mapping-types');
const V1 = join(FIXTURE, 'series.mbox');
const V2 = join(FIXTURE, 'series-v2.mbox');

describe.skipIf(!existsSync(V1) || !existsSync(V2))('rangeDiff on the bundled v1 and v2', () => {
  it('pairs every re-posted patch with its v1 self, drops the rest, and sees the rework and the folded trailers', async () => {
    const v1 = (await loadSeriesSet(V1)).series[0]!;
    const v2 = (await loadSeriesSet(V2)).series.find((s) => s.version === 2)!;
    const diff = rangeDiff(v1, v2);
    const pairs = diff.entries.flatMap((e) => (e.kind === 'same' || e.kind === 'changed' ? [e] : []));
    const v1Subjects = new Set(v1.patches.map((p) => p.subject));
    for (const p of v2.patches.filter((q) => v1Subjects.has(q.subject))) {
      expect(pairs.find((e) => e.new.index === p.index)?.old.subject, p.subject).toBe(p.subject);
    }
    const kept = new Set(pairs.map((e) => e.old.index));
    const dropped = diff.entries.flatMap((e) => (e.kind === 'dropped' ? [e.old.index] : []));
    expect(dropped).toEqual(v1.patches.map((p) => p.index).filter((i) => !kept.has(i)));
    expect(pairs.filter((e) => e.kind === 'changed' && e.cost > 0).length).toBeGreaterThanOrEqual(1);
    expect(pairs.some((e) => e.trailers.added.some((t) => /^(Reviewed|Acked|Tested)-by$/.test(t.key)))).toBe(true);
  });
});
