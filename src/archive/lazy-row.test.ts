// The lazy path (headers only) must give exactly the row of the full decoder, on a generated
// list archive (patches, replies, encoded words, QP bodies) and on git's and b4's sample mails.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { decodeMessage, splitMbox } from '../ingest/index.js';
import { lazyRow } from './lazy-row.js';
import { toMessageRow } from './record.js';

const ROOT = resolve(__dirname, '../..');

async function messagesOf(bytes: Buffer, mboxrd: boolean): Promise<Buffer[]> {
  async function* one(): AsyncGenerator<Buffer> {
    yield bytes;
  }
  const out: Buffer[] = [];
  if (!bytes.subarray(0, 5).equals(Buffer.from('From '))) return [bytes];
  for await (const s of splitMbox(one(), { mboxrd })) out.push(s.bytes);
  return out;
}

async function compare(messages: Buffer[]): Promise<number> {
  let lazy = 0;
  for (const [i, bytes] of messages.entries()) {
    const row = lazyRow(bytes, 'src', String(i));
    if (row === null) continue;
    lazy += 1;
    const full = toMessageRow(await decodeMessage(bytes, { source: 'src', index: i + 1, offset: null }), 'src', String(i));
    expect(row, `message ${i}`).toEqual(full);
  }
  return lazy;
}

describe('lazy index rows', () => {
  it('equal the full decoder on a generated archive, and most messages take the lazy path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-lazy-'));
    try {
      const file = join(dir, 'a.mboxrd');
      execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '1', '--seed', '7', '--out', file], { stdio: 'ignore' });
      const messages = await messagesOf(readFileSync(file), true);
      const lazy = await compare(messages);
      expect(lazy).toBeGreaterThan(messages.length * 0.7);
      expect(lazy).toBe(messages.length); // QP bodies too, rewritten as 8bit
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeShared('lazy index rows on shared samples', ['conformance'], () => {
  const SHARED = sharedPath('conformance');
  it('equal the full decoder on git t5100 and b4 sample mails', async () => {
    let lazy = 0;
    for (const folder of ['git-t5100', 'b4-samples']) {
      for (const name of readdirSync(join(SHARED, folder))) {
        if (/\.(json|md)$/.test(name)) continue;
        lazy += await compare(await messagesOf(readFileSync(join(SHARED, folder, name)), name.endsWith('mboxrd')));
      }
    }
    expect(lazy).toBeGreaterThan(5);
  });
});
