// --send against a real SMTP server on loopback (aiosmtpd, started here): what arrives is the mbox's
// messages byte for byte, each to its own envelope. Skipped with a printed reason without aiosmtpd.
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { loadSeriesSet, type PatchSeries } from '../series/index.js';
import { configuredTransport, sendMails, writeReplies, type Review } from './index.js';

const SINK = resolve(__dirname, '../../test/support/smtp-sink.py');
const MBOX = resolve(__dirname, '../../fixtures/dmabuf-mapping-types/series.mbox');

/** A python3 that has aiosmtpd (pyenv shims may hide Debian's). */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => {
  try { execFileSync(p, ['-c', 'import aiosmtpd'], { stdio: 'ignore' }); return true; } catch { return false; }
});
if (!PYTHON) console.log('send.test: skipped, no python3 with aiosmtpd (Debian python3-aiosmtpd)');

async function withSink(use: (port: number, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-smtp-'));
  const child = spawn(PYTHON!, [SINK, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((ok, fail) => {
      createInterface({ input: child.stdout! }).on('line', (l) => { const m = /^READY (\d+)$/.exec(l); if (m) ok(Number(m[1])); });
      child.on('exit', (code) => fail(new Error(`smtp-sink exited ${code}`)));
    });
    await use(port, dir);
  } finally {
    child.stdin!.end();
    await new Promise((ok) => { child.on('exit', ok); setTimeout(() => { child.kill(); ok(null); }, 5000); });
    rmSync(dir, { recursive: true, force: true });
  }
}

let series: PatchSeries;
beforeAll(async () => { series = (await loadSeriesSet(MBOX)).series[0]!; });

describe.skipIf(!PYTHON)('sendMails over SMTP to a real server on loopback', () => {
  it('should deliver every reply byte for byte as written, to the To and Cc of each', async () => {
    const p3 = series.patches[2]!;
    const hunkFile = p3.files[0]!.path;
    const review: Review = {
      comments: [{ id: 'a', patch: 3, target: { kind: 'hunk', file: hunkFile, hunk: 1 }, text: 'Lines SMTP treats specially:\n\n.config starts with a dot\n\nFrom here on, a From line; and König in UTF-8.' }],
      trailers: [{ patch: 0, key: 'Acked-by', value: 'Rev Iewer <rev@example.org>' }, { patch: 5, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' }],
    };
    const out = writeReplies(series, review, { name: 'Rev Iewer', email: 'rev@example.org' });
    expect(out.mails).toHaveLength(3);
    expect(out.texts[1]).toMatch(/^\.config starts with a dot$/m);
    expect(out.texts[1]).toMatch(/^From here on/m);
    expect(out.texts[1]).toContain('Content-Transfer-Encoding: 8bit');
    await withSink(async (port, dir) => {
      const home = mkdtempSync(join(tmpdir(), 'patchscope-home-'));
      try {
        writeFileSync(join(home, '.gitconfig'), `[sendemail]\n\tsmtpServer = 127.0.0.1\n\tsmtpServerPort = ${port}\n`);
        const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
        const transport = await configuredTransport(env);
        expect(transport).toMatchObject({ kind: 'smtp', host: '127.0.0.1', port, encryption: 'none' });
        await sendMails(transport, out.mails, out.texts, env);
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
      const got = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
      expect(got).toHaveLength(3);
      got.forEach((f, i) => {
        const received = readFileSync(join(dir, f));
        expect(received.equals(Buffer.from(out.texts[i]!.replace(/\n/g, '\r\n'), 'utf8')), `message ${i + 1}`).toBe(true);
        const env = JSON.parse(readFileSync(join(dir, f.replace('.eml', '.json')), 'utf8')) as { from: string; to: string[] };
        const m = out.mails[i]!;
        expect(env.from).toBe('rev@example.org');
        expect(env.to).toEqual([...m.recipients.to, ...m.recipients.cc].map((p) => p.email));
      });
    });
  }, 60_000);
});
