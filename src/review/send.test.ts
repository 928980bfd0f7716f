// --send against a real SMTP server on loopback (aiosmtpd, started here): what arrives is the mbox's
// messages byte for byte, each to its own envelope. Skipped with a printed reason without aiosmtpd.
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PYTHON, received, withSmtpSink } from '../../test/support/smtp.js';
import { loadSeriesSet, type PatchSeries } from '../series/index.js';
import { configuredTransport, sendMails, writeReplies, type Review } from './index.js';

const MBOX = resolve(__dirname, '../../fixtures/dmabuf-mapping-types/series.mbox');
if (!PYTHON) console.log('send.test: skipped, no python3 with aiosmtpd (Debian python3-aiosmtpd)');

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
    await withSmtpSink(async (port, dir) => {
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
      const got = received(dir);
      expect(got).toHaveLength(3);
      got.forEach(({ bytes, envelope: env }, i) => {
        expect(bytes.equals(Buffer.from(out.texts[i]!.replace(/\n/g, '\r\n'), 'utf8')), `message ${i + 1}`).toBe(true);
        const m = out.mails[i]!;
        expect(env.from).toBe('rev@example.org');
        expect(env.to).toEqual([...m.recipients.to, ...m.recipients.cc].map((p) => p.email));
      });
    });
  }, 60_000);
});
