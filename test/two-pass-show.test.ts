// `show --json` (and plain `show`) of a plain mbox file in two passes (src/archive/two-pass-show.ts) must write exactly the bytes
// of the whole-set path (loadSeriesSet, then toShowJson and stringifyJsonSafe): on every real corpus thread, on
// all of them concatenated into one archive (series, rerolls and replies meeting across threads), and on our
// hostile fixtures (no Message-ID, repeated ids, cycles, bad encodings, messages over the size cap).
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeriesSet, toShowJson, type LoadOptions } from '../src/series/index.js';
import { formatShowText, stringifyJsonSafe } from '../src/present/print/index.js';
import { TwoPassShow, isRereadableMbox } from '../src/archive/index.js';
import { showJsonTwoPass, showTextTwoPass } from '../src/cli/commands/show.js';
import { describeShared, sharedPath, REPO_ROOT } from './support/shared.js';
import { runCli } from './support/cli.js';

const joined = (pieces: (string | Buffer)[] | null): string | undefined => (pieces ? Buffer.concat(pieces.map((p) => Buffer.from(p))).toString() : undefined);

async function bothWays(path: string, opts: Pick<LoadOptions, 'mboxrd' | 'limits'> = {}, threads = 0): Promise<{ whole: string; twoPass: string | undefined }> {
  const whole = stringifyJsonSafe(toShowJson(await loadSeriesSet(path, opts)));
  return { whole, twoPass: joined(await showJsonTwoPass(await TwoPassShow.read([path], opts), threads)) };
}

/** Plain `show`: formatShowText of the whole set, and the two-pass pieces. */
async function bothWaysText(path: string, opts: Pick<LoadOptions, 'mboxrd' | 'limits'> = {}): Promise<{ whole: string; twoPass: string | undefined }> {
  const whole = formatShowText(await loadSeriesSet(path, opts));
  return { whole, twoPass: joined(await showTextTwoPass(await TwoPassShow.read([path], opts))) };
}

const threadsDir = sharedPath('corpus', 'linaro-mm-sig', 'threads');

describeShared('two-pass show --json on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  const threads = readdirSync(threadsDir).sort();

  it('equals the whole-set path on every thread', async () => {
    expect(threads.length).toBeGreaterThanOrEqual(150);
    for (const t of threads) {
      const path = join(threadsDir, t, 'thread.mbox');
      expect(await isRereadableMbox(path)).toBe(true);
      const { whole, twoPass } = await bothWays(path, { mboxrd: true });
      expect(twoPass, t).toBe(whole);
    }
  });

  it('equals the whole-set path on all threads as one archive, with and without --mboxrd, with and without a worker', async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'patchscope-two-pass-')), 'all.mboxrd');
    writeFileSync(archive, Buffer.concat(threads.map((t) => readFileSync(join(threadsDir, t, 'thread.mbox')))));
    for (const [mboxrd, workers] of [[true, 0], [false, 0], [true, 1]] as const) {
      const { whole, twoPass } = await bothWays(archive, { mboxrd }, workers);
      expect(twoPass).toBe(whole);
      const parsed = JSON.parse(whole) as { series: unknown[]; unthreaded: unknown[]; messages: number };
      // Not a trivial equality: the archive holds many series and mail outside them.
      expect(parsed.series.length).toBeGreaterThan(150);
      expect(parsed.unthreaded.length).toBeGreaterThan(0);
    }
    // Messages over the size cap are skipped the same way (named, counted), not dropped.
    const { whole, twoPass } = await bothWays(archive, { mboxrd: true, limits: { maxMessageBytes: 20_000 } });
    expect(twoPass).toBe(whole);
    expect((JSON.parse(whole) as { skipped: unknown[] }).skipped.length).toBeGreaterThan(0);
    // Plain `show` streams the same series: the same text, with and without a cap.
    for (const opts of [{ mboxrd: true }, { mboxrd: true, limits: { maxMessageBytes: 20_000 } }]) {
      const text = await bothWaysText(archive, opts);
      expect(text.twoPass).toBe(text.whole);
      expect(text.whole).toMatch(/\d+ outside any series/);
    }
  });
});

describe('two-pass show --json on our fixtures', () => {
  const mboxes = [
    ...readdirSync(join(REPO_ROOT, 'test', 'corpus')).filter((f) => f.endsWith('.mbox') && f !== 'cr-only.mbox').map((f) => join(REPO_ROOT, 'test', 'corpus', f)),
    join(REPO_ROOT, 'fixtures', 'dmabuf-mapping-types', 'series.mbox'),
    join(REPO_ROOT, 'fixtures', 'dmabuf-mapping-types', 'series-v2.mbox'),
  ];

  it.each(mboxes)('equals the whole-set path on %s', async (path) => {
    expect(await isRereadableMbox(path)).toBe(true);
    for (const mboxrd of [true, false]) {
      const { whole, twoPass } = await bothWays(path, { mboxrd });
      expect(twoPass).toBe(whole);
      const text = await bothWaysText(path, { mboxrd });
      expect(text.twoPass).toBe(text.whole);
    }
  });

  it('takes only plain mbox files: not gzip, folders, single messages or missing paths', async () => {
    expect(await isRereadableMbox(join(REPO_ROOT, 'test', 'corpus', 'bomb.mbox.gz'))).toBe(false);
    expect(await isRereadableMbox(join(REPO_ROOT, 'test', 'corpus'))).toBe(false);
    expect(await isRereadableMbox(join(REPO_ROOT, 'no', 'such', 'file'))).toBe(false);
    // CR-only line ends: no `From ` line as git reads lines, so readInput takes it as one message.
    expect(await isRereadableMbox(join(REPO_ROOT, 'test', 'corpus', 'cr-only.mbox'))).toBe(false);
    const single = join(mkdtempSync(join(tmpdir(), 'patchscope-two-pass-')), 'one.eml');
    writeFileSync(single, 'Subject: [PATCH] x\nMessage-ID: <a@b>\n\nbody\n');
    expect(await isRereadableMbox(single)).toBe(false);
  });

  it('gives way to the whole-set path when the file changed between the passes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'patchscope-two-pass-')), 'series.mbox');
    copyFileSync(join(REPO_ROOT, 'fixtures', 'dmabuf-mapping-types', 'series.mbox'), path);
    const show = await TwoPassShow.read([path], {});
    expect(await showJsonTwoPass(await TwoPassShow.read([path], {}))).not.toBeNull();
    const textShow = await TwoPassShow.read([path], {});
    appendFileSync(path, 'more\n');
    expect(await showJsonTwoPass(show)).toBeNull();
    expect(await showTextTwoPass(textShow)).toBeNull();
  });
});

describe('two-pass show on the command line', () => {
  const series = join(REPO_ROOT, 'fixtures', 'dmabuf-mapping-types', 'series.mbox');
  const skippedLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('patchscope: skipped '));

  it('names each message over the cap once, as the whole-set path (stdin) does, for text and --json', () => {
    const cap = ['--max-message-size', '6000', '-q'];
    const fromStdin = runCli(['show', '-', ...cap], readFileSync(series));
    const expected = skippedLines(fromStdin.err).map((l) => l.replace('skipped -:', `skipped ${series}:`));
    expect(expected.length).toBeGreaterThan(1);
    for (const json of [[], ['--json']]) {
      const r = runCli(['show', series, ...json, ...cap]);
      expect(r.code).toBe(0);
      expect(skippedLines(r.err)).toEqual(expected);
    }
  });
});
