// Resource limits (issue 7): a gzip bomb is refused while streaming, never expanded into memory; a
// message over the per-message cap is passed over with a clear reason (mbox) or refused (a single
// message), and the cap can be changed (ingest's IngestLimits, through loadSeriesSet's `limits`).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readInput } from '../src/ingest/index.js';
import { countPlaced, loadSeriesSet } from '../src/series/index.js';

const ROOT = resolve(__dirname, '..');
const MB = 1 << 20;
const dir = mkdtempSync(join(tmpdir(), 'patchscope-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FROM_LINE = 'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001';
const mail = (id: string, body: string): string =>
  `${FROM_LINE}\nFrom: A <a@example.org>\nSubject: [PATCH] m ${id}\nMessage-ID: <${id}@x>\n\n${body}\n`;

/**
 * 1 GiB of mail (a header, then zeros) as a ~1 MB gzip file: 1024 gzip members of 1 MiB each, which
 * zlib reads as one stream (RFC 1952 §2.2). Built from one compressed member, so nothing large is held.
 */
function writeBomb(path: string): number {
  const member = gzipSync(Buffer.alloc(MB));
  const parts = [gzipSync(Buffer.from(mail('bomb', ''))), ...Array.from({ length: 1024 }, () => member)];
  writeFileSync(path, Buffer.concat(parts));
  return parts.reduce((n, p) => n + p.length, 0);
}

describe('gzip decompression-ratio guard', () => {
  const bomb = join(dir, 'bomb.mbox.gz');
  const compressed = writeBomb(bomb);

  it('refuses a 1 GiB bomb with a LimitError naming the source and offset', async () => {
    expect(compressed).toBeLessThan(2 * MB);
    await expect(readInput(bomb)).rejects.toMatchObject({ code: 'limit', message: expect.stringMatching(/bomb\.mbox\.gz: byte \d+: gzip expands beyond 1:200/) });
  });

  it('is refused by the CLI with exit 2, one line on stderr, and without holding the expansion', () => {
    const rssFile = join(dir, 'rss');
    // Run the built CLI in a child that records its peak memory on exit.
    const script = `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));
      import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}).then((m) => m.main(['show', ${JSON.stringify(bomb)}]));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^patchscope: .*decompression bomb/);
    const peakKiB = Number(readFileSync(rssFile, 'utf8'));
    expect(peakKiB).toBeLessThan(400 * 1024); // the guard trips after 64 MiB of output; 1 GiB never exists
  });
});

describe('per-message size cap', () => {
  it('skips an mbox message over the cap with its offset and a reason, and keeps the others', async () => {
    const big = mail('big', 'x'.repeat(3 * MB));
    const path = join(dir, 'big.mbox');
    writeFileSync(path, mail('a', 'first') + big + mail('c', 'third'));
    const set = await loadSeriesSet(path, { limits: { maxMessageBytes: MB } });
    expect(set.messages).toBe(3);
    expect(countPlaced(set)).toBe(3);
    expect(set.skipped).toHaveLength(1);
    expect(set.skipped[0]).toMatchObject({ origin: { index: 2, offset: Buffer.byteLength(mail('a', 'first')) } });
    expect(set.skipped[0]!.reason).toMatch(/larger than the per-message cap of 1048576 bytes/);
  });

  it('reads the same message under the default cap', async () => {
    const path = join(dir, 'big-default.mbox');
    writeFileSync(path, mail('a', 'first') + mail('big', 'x'.repeat(3 * MB)));
    const result = await readInput(path);
    expect(result.skipped).toEqual([]);
    expect(result.messages).toHaveLength(2);
  });

  it('refuses a single message (.eml) over the cap with a LimitError', async () => {
    const path = join(dir, 'big.eml');
    writeFileSync(path, `Subject: x\nMessage-ID: <e@x>\n\n${'x'.repeat(2 * MB)}\n`);
    await expect(readInput(path, { limits: { maxMessageBytes: MB } })).rejects.toMatchObject({
      code: 'limit',
      message: expect.stringMatching(/big\.eml: a single message larger than 1048576 bytes/),
    });
  });
});
