/**
 * One series of the two-pass `show` (two-pass-show.ts) as a job that stands alone: its layout on light messages,
 * where each placed message's bytes end in its file, and what the version it rerolls holds. Building it reads
 * those messages again by byte offset, decodes them whole and assembles the series; nothing else is needed, so a
 * worker thread can build it as well as the thread that laid it out.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../util/errors.js';
import { decodeMessage, splitMbox, type RawMessage } from '../ingest/index.js';
import {
  assembleSeries, withBody, HEADERS_READ,
  type BuiltVersion, type ClassifiedMessage, type DraftLayout, type PatchSeries, type ReplySlot, type ThreadNode,
} from '../series/index.js';

/** How pass 1 split the file: split again the same way, the bytes are the same. */
export interface SplitAs {
  mboxrd: true | 'marked';
  maxMessageBytes: number;
}

export interface SeriesJob {
  /** The series' place in SeriesSet.series. */
  place: number;
  layout: DraftLayout;
  earlier: BuiltVersion | undefined;
  /** By message id: the byte after the message (the next separator, or the end of its file). */
  ends: Map<string, number>;
}

/** Thrown when pass 2 cannot decode a message pass 1 read on headers alone: the caller reads the old way. */
export class TwoPassMismatch extends Error {}

/** Every message a layout places: cover, patches and their replies. */
export function placedIn(layout: DraftLayout): ClassifiedMessage[] {
  return [
    ...(layout.cover ? [layout.cover.message, ...layout.cover.replies.map((r) => r.message)] : []),
    ...layout.patches.flatMap((p) => [p.message, ...p.replies.map((r) => r.message)]),
  ];
}

/**
 * The layout without links into the rest of the archive (the thread's other nodes, earlier drafts), so that it
 * can be copied to a worker: assembleSeries reads of a reply's node only its parent.
 */
export function portableLayout(layout: DraftLayout): DraftLayout {
  const node = (n: ThreadNode): ThreadNode => ({ messageId: n.messageId, phantom: n.phantom, parentId: n.parentId, children: [], message: null });
  const replies = (list: ReplySlot[]): ReplySlot[] => list.map((r) => ({ ...r, node: node(r.node) }));
  return {
    draft: { ...layout.draft, partialFrom: null },
    duplicates: layout.duplicates,
    cover: layout.cover ? { message: layout.cover.message, replies: replies(layout.cover.replies) } : null,
    patches: layout.patches.map((p) => ({ ...p, replies: replies(p.replies) })),
  };
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** Messages up to this size are read into one reused buffer (the largest on linaro-mm-sig is 0.9 MB). */
const SCRATCH_BYTES = 1024 * 1024;

/** Reads messages again by byte offset, one open file per source. */
export class MessageRereader {
  private readonly files = new Map<string, number>();
  /**
   * Where a message is read when it is at most SCRATCH_BYTES and no other read holds it (a worker may start a
   * batch while the last one waits on a read); otherwise a message gets memory of its own. Fresh memory for every
   * message cost its page faults and, as external memory, more collections: pass 2 reads 148 MB of linaro-mm-sig,
   * 130-460 ms of CPU into fresh buffers and 45-70 ms into one (issue 18). A read holds it until its message is
   * decoded; a RawMessage holds strings, never a view of the bytes it came from.
   */
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private scratchHeld = false;

  constructor(private readonly split: SplitAs) {}

  /** Memory for one message, and whether it is the scratch buffer (then held until release). */
  private take(size: number): { bytes: Buffer; held: boolean } {
    if (this.scratchHeld || size > SCRATCH_BYTES) return { bytes: Buffer.allocUnsafe(size), held: false };
    if (size > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.min(SCRATCH_BYTES, Math.max(size, this.scratch.length * 2)));
    this.scratchHeld = true;
    return { bytes: this.scratch.subarray(0, size), held: true };
  }

  async read(light: RawMessage, end: number): Promise<RawMessage> {
    const { source, offset } = light.origin;
    let fd = this.files.get(source);
    if (fd === undefined) {
      fd = openSync(source, 'r');
      this.files.set(source, fd);
    }
    const { bytes, held } = this.take(end - (offset as number));
    let message: RawMessage;
    try {
      readSync(fd, bytes, 0, bytes.length, offset);
      // Split again exactly as pass 1 did (un-quoting included): the bytes are those readInput decoded.
      let slice: Buffer | null = null;
      for await (const s of splitMbox(once(bytes), this.split)) slice ??= s.bytes;
      message = await decodeMessage(slice ?? Buffer.alloc(0), light.origin, { headers: HEADERS_READ });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new TwoPassMismatch(`${source}: message ${light.origin.index} decodes on its headers but not whole: ${e.problem}`);
    } finally {
      if (held) this.scratchHeld = false;
    }
    // As stream-items.ts: the `From ` separator line is line 1 of the file checkpatch.pl numbers.
    if (message.bodyOffsetLines !== undefined) message.bodyOffsetLines += 1;
    return message;
  }

  close(): void {
    for (const fd of this.files.values()) closeSync(fd);
    this.files.clear();
  }
}

/** Builds one series: its placed messages read and decoded whole, grouping's decisions kept, then assembled. */
export async function buildSeriesJob(job: SeriesJob, reader: MessageRereader): Promise<PatchSeries> {
  const full = new Map<ClassifiedMessage, ClassifiedMessage>();
  for (const light of placedIn(job.layout)) {
    // Grouping's decisions stand (a naked cover promoted, a second cover demoted): only the body is added.
    full.set(light, withBody(light, await reader.read(light.message, job.ends.get(light.id) as number)));
  }
  return assembleSeries(job.layout, job.earlier, (c) => full.get(c) as ClassifiedMessage);
}
