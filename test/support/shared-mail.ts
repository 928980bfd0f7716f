// The messages of ../shared's mail, for tests that compare two readers of every message: the 150 real threads
// and git's and b4's conformance samples. Callers guard with describeShared (test/support/shared.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitMbox } from '../../src/ingest/index.js';
import { sharedPath } from './shared.js';

/** The messages of one file: an mbox is split (mboxrd un-quoted when asked), anything else is one message. */
export async function messagesOf(bytes: Buffer, mboxrd: boolean): Promise<Buffer[]> {
  async function* one(): AsyncGenerator<Buffer> {
    yield bytes;
  }
  if (!bytes.subarray(0, 5).equals(Buffer.from('From '))) return [bytes];
  const out: Buffer[] = [];
  for await (const s of splitMbox(one(), { mboxrd })) out.push(s.bytes);
  return out;
}

/** Each thread of the real-thread corpus (../shared/corpus/linaro-mm-sig/threads) with its messages. */
export async function corpusThreadMessages(): Promise<{ label: string; messages: Buffer[] }[]> {
  const threads = sharedPath('corpus', 'linaro-mm-sig', 'threads');
  const out: { label: string; messages: Buffer[] }[] = [];
  for (const t of readdirSync(threads)) out.push({ label: t, messages: await messagesOf(readFileSync(join(threads, t, 'thread.mbox')), true) });
  return out;
}

/** Each mail file of git's t5100 and b4's samples (../shared/conformance) with its messages. */
export async function conformanceMessages(): Promise<{ label: string; messages: Buffer[] }[]> {
  const out: { label: string; messages: Buffer[] }[] = [];
  for (const folder of ['git-t5100', 'b4-samples']) {
    for (const name of readdirSync(sharedPath('conformance', folder))) {
      if (/\.(json|md)$/.test(name)) continue;
      out.push({ label: name, messages: await messagesOf(readFileSync(sharedPath('conformance', folder, name)), name.endsWith('mboxrd')) });
    }
  }
  return out;
}
