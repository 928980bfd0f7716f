// Pass 2 of the two-pass show reads each message again by byte offset into one reused buffer (issue 18). A read
// must give the message that reading it alone gives, whether reads follow one another (the buffer reused) or
// overlap (a worker starts its next batch while a read waits): then the later read must not borrow the buffer.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { splitMbox, type RawMessage } from '../ingest/index.js';
import { MessageRereader, type SplitAs } from './series-job.js';

const SPLIT: SplitAs = { mboxrd: true, maxMessageBytes: 64 * 1024 * 1024 };

/** Each message of an mbox file as pass 1 knows it: a light message at its offset, and the byte after it. */
async function placesIn(path: string): Promise<{ light: RawMessage; end: number }[]> {
  const bytes = readFileSync(path);
  async function* one(): AsyncGenerator<Buffer> {
    yield bytes;
  }
  const offsets: number[] = [];
  for await (const s of splitMbox(one(), SPLIT)) offsets.push(s.offset);
  return offsets.map((offset, i) => ({
    light: {
      origin: { source: path, index: i + 1, offset }, messageId: null, inReplyTo: null, references: [], from: null, date: null,
      dateHeader: null, subject: '', body: '', attachments: [], headers: [], warnings: [],
    },
    end: offsets[i + 1] ?? bytes.length,
  }));
}

async function alone(place: { light: RawMessage; end: number }): Promise<RawMessage> {
  const reader = new MessageRereader(SPLIT);
  try {
    return await reader.read(place.light, place.end);
  } finally {
    reader.close();
  }
}

describeShared('MessageRereader on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('should read each message as reading it alone does, one read after another and overlapping', async () => {
    const dir = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    let messages = 0;
    for (const t of readdirSync(dir).sort().slice(0, 40)) {
      const places = await placesIn(join(dir, t, 'thread.mbox'));
      const expected = await Promise.all(places.map(alone));
      const reader = new MessageRereader(SPLIT);
      try {
        const inTurn: RawMessage[] = [];
        for (const p of places) inTurn.push(await reader.read(p.light, p.end));
        expect(inTurn, t).toEqual(expected);
        // Longest first, so that shorter ones read while a longer one holds the buffer.
        const order = places.map((_, i) => i).sort((a, b) => places[b]!.end - places[b]!.light.origin.offset! - (places[a]!.end - places[a]!.light.origin.offset!));
        const overlapping = await Promise.all(order.map((i) => reader.read(places[i]!.light, places[i]!.end)));
        order.forEach((i, k) => expect(overlapping[k], `${t} #${i + 1}`).toEqual(expected[i]));
      } finally {
        reader.close();
      }
      messages += places.length;
    }
    expect(messages).toBeGreaterThan(100);
  });
});
