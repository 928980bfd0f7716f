// Issue 18: a reader of whole archives decodes only the headers this stage reads (HEADERS_READ) beyond a
// message's own fields. The series built from such messages must equal those built from whole ones, mail
// addressing (To, Cc, Reply-To, Mail-Followup-To) and raw body offsets included: a header read here but missing
// from HEADERS_READ fails this test on the real threads.
import { expect, it } from 'vitest';
import { decodeMessage, type RawMessage } from '../ingest/index.js';
import { corpusThreadMessages } from '../../test/support/shared-mail.js';
import { describeShared } from '../../test/support/shared.js';
import { buildSeriesSet } from './build.js';
import { HEADERS_READ } from './assemble.js';

async function decodeAll(label: string, messages: Buffer[], headers?: ReadonlySet<string>): Promise<RawMessage[]> {
  return Promise.all(messages.map((b, i) => decodeMessage(b, { source: label, index: i + 1, offset: null }, { headers })));
}

describeShared('the headers the series stage reads', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('are all in HEADERS_READ: series from messages decoded with only those equal series from whole ones', async () => {
    let addressed = 0;
    for (const { label, messages } of await corpusThreadMessages()) {
      const whole = buildSeriesSet({ source: label, messages: await decodeAll(label, messages), skipped: [] });
      const some = buildSeriesSet({ source: label, messages: await decodeAll(label, messages, HEADERS_READ), skipped: [] });
      expect(some, label).toEqual(whole);
      addressed += whole.series.flatMap((s) => s.patches).filter((p) => p.mail && p.mail.cc !== '').length;
    }
    expect(addressed).toBeGreaterThan(100);
  }, 180_000);
  it('are fewer than a list mail carries', async () => {
    const [{ label, messages }] = await corpusThreadMessages();
    const [whole, some] = [await decodeAll(label!, messages!), await decodeAll(label!, messages!, HEADERS_READ)];
    expect(some[0]!.headers.length).toBeLessThan(whole[0]!.headers.length);
    expect(some.map(({ headers: _h, ...rest }) => rest)).toEqual(whole.map(({ headers: _h, ...rest }) => rest));
  });
});
