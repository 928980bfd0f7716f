/**
 * `show` of a large mbox file in two passes, so that memory holds one series' bodies at a time instead of every
 * message of the archive. Pass 1 splits the file as readInput does and keeps only each message's light facts:
 * threading headers, date, where it sits, and its classification (from the archive index's row path, decodeRow,
 * which reads most mail without building the whole message). Threading and grouping run on those (series'
 * SeriesGrouping, the same code buildSeriesSet runs). Pass 2 lays each draft out in build order, reads back
 * by byte offset and fully decodes only the messages it places (cover, patches, replies), builds the series and
 * hands it to the caller, then lets it go. The result equals buildSeriesSet over readInput's messages, series by
 * series (test/two-pass-show.test.ts checks that on the real corpus).
 *
 * Only plain (not gzipped) mbox files can be read twice by offset; every other input keeps readInput's path.
 */
import { open, stat } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import {
  decodeMessage, ONLY_OWN_HEADERS, firstLine, isFromLine, rawMessageId, splitMbox, MAX_SINGLE_MESSAGE,
  type IngestLimits, type MessageOrigin, type RawMessage, type SkippedMessage,
} from '../ingest/index.js';
import {
  SeriesGrouping, classify, parseSubject, toShowSeries,
  type BuiltVersion, type ClassifiedMessage, type MessageKind, type PatchSeries, type SeriesDraft, type ShowSeries, type SubjectInfo,
} from '../series/index.js';
import { decodeRow, isPositionalMessageId } from './record.js';
import { readInto } from './archive-folder.js';
import { HeapBound } from './heap-bound.js';
import { MessageRereader, TwoPassMismatch, buildSeriesJob, placedIn, portableLayout, type SeriesJob, type SplitAs } from './series-job.js';
import { defaultShowThreads, runSeriesJobs } from './series-workers.js';

export { TwoPassMismatch } from './series-job.js';

export interface TwoPassOptions {
  /** As readInput's: un-quote every `>From ` line, else only in public-inbox's marked messages. */
  mboxrd?: boolean;
  limits?: IngestLimits;
  /** Progress while splitting, per input, as loadSeriesSet reports it. */
  onProgress?: (p: { spec: string; messages: number; bytes: number }) => void;
}

/** What pass 1 keeps of a message: classify()'s answer, and where to read the message again. */
interface LightFacts {
  subject: SubjectInfo;
  kind: MessageKind;
  hasDiff: boolean;
  hasDiffstat: boolean;
  /** The byte after the message (the next separator, or the end of the file). */
  end: number;
}

/**
 * Whether `spec` is a file this path can read twice by offset: a regular, not gzipped file whose first line is
 * an mbox `From ` separator (readInput reads it as an mbox too). Anything unreadable is left to readInput, which
 * reports it.
 */
export async function isRereadableMbox(spec: string): Promise<boolean> {
  try {
    if (!(await stat(spec)).isFile()) return false;
    const fh = await open(spec, 'r');
    try {
      const head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fh.read(head, 0, head.length, 0);
      const bytes = head.subarray(0, bytesRead);
      if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return false;
      return isFromLine(firstLine(bytes));
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
}

/**
 * A copy of `s` that holds nothing else alive. V8 keeps a substring as a slice of its parent: an id cut out of
 * a message's header text would keep the whole text (measured: 125 MB held after pass 1 on a 230 MB archive).
 */
function detached(s: string): string;
function detached(s: string | null): string | null;
function detached(s: string | null): string | null {
  return s === null || s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** A RawMessage without body, headers or sender: all threading and grouping read of it. */
function lightMessage(origin: MessageOrigin, m: { messageId: string | null; inReplyTo: string | null; references: string[]; date: string | null }): RawMessage {
  return {
    origin, messageId: detached(m.messageId), inReplyTo: detached(m.inReplyTo), references: m.references.map((r) => detached(r)),
    from: null, date: detached(m.date), dateHeader: null, subject: '', body: '', attachments: [], headers: [], warnings: [],
  };
}

const splitOptions = (opts: TwoPassOptions): SplitAs => ({
  mboxrd: opts.mboxrd === true ? true : 'marked',
  maxMessageBytes: opts.limits?.maxMessageBytes ?? MAX_SINGLE_MESSAGE,
});

/** The light messages of every input (pass 1), and the rest of what readInput would have said of them. */
export class TwoPassShow {
  /** Messages read, decoded or skipped, as SeriesSet.messages counts them. */
  messages = 0;
  readonly skipped: SkippedMessage[] = [];
  private readonly light: RawMessage[] = [];
  private readonly facts = new Map<RawMessage, LightFacts>();
  /** Each file's size and modification time as pass 1 read it. */
  private readonly stamps = new Map<string, string>();
  private grouping: SeriesGrouping | null = null;
  /** Both passes make far more garbage than they keep: peak memory follows the garbage unless bounded. */
  private readonly heap = new HeapBound();

  private constructor(private readonly opts: TwoPassOptions) {}

  /** Pass 1 over every spec (each must pass isRereadableMbox). */
  static async read(specs: string[], opts: TwoPassOptions = {}): Promise<TwoPassShow> {
    const show = new TwoPassShow(opts);
    for (const spec of specs) await show.readSpec(spec);
    show.grouping = new SeriesGrouping(show.light, (id, m) => show.classified(id, m));
    return show;
  }

  /** Notes of threading (duplicate and synthesised Message-IDs, cycles), as buildSeriesSet gives them. */
  get notes(): string[] {
    return this.groupingOf().threads.notes;
  }

  private groupingOf(): SeriesGrouping {
    if (this.grouping === null) throw new Error('TwoPassShow used before read');
    return this.grouping;
  }

  private classified(id: string, message: RawMessage): ClassifiedMessage {
    const f = this.facts.get(message) as LightFacts;
    return { id, message, subject: f.subject, kind: f.kind, patchBody: '', hasDiff: f.hasDiff, hasDiffstat: f.hasDiffstat };
  }

  private async readSpec(spec: string): Promise<void> {
    let items = 0;
    let bytes = 0;
    const st = await stat(spec);
    this.stamps.set(spec, `${st.size}:${st.mtimeMs}`);
    const chunks = readInto(spec);
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const c of chunks) {
        bytes += c.length;
        yield c;
      }
    }
    const split = splitOptions(this.opts);
    // The chunks share read buffers: a slice may be a view of one, read here before the next is asked for.
    for await (const slice of splitMbox(counted(), { ...split, reusedChunks: true })) {
      const origin: MessageOrigin = { source: spec, index: ++items, offset: slice.offset };
      if (slice.oversize !== undefined) {
        // stream-items.ts's own wording: this skip must read as readInput's does.
        const reason = `message of ${slice.oversize} bytes is larger than the per-message cap of ${split.maxMessageBytes} bytes`;
        this.skipped.push({ origin, messageId: null, reason });
      } else {
        await this.lightFacts(slice.bytes, origin, slice.end);
      }
      this.opts.onProgress?.({ spec, messages: items, bytes });
      // Every 64 messages: the heap's statistics are not free, and 64 messages make little garbage.
      if (items % 64 === 0) this.heap.check();
    }
    this.messages += items;
  }

  /**
   * A message's light facts: the archive index's row (decodeRow: its quick paths for plain and simple multipart
   * mail, the full decoder for the rest), which holds what classify() decided.
   */
  private async lightFacts(bytes: Buffer, origin: MessageOrigin, end: number): Promise<LightFacts | null> {
    const position = String(origin.offset);
    const read = await decodeRow(bytes, { kind: 'offset', source: origin.source, offset: origin.offset as number }, origin.index);
    if (read.kind === 'skipped') {
      // As ingest's decodeItem names a message it could not decode.
      this.skipped.push({ origin, messageId: rawMessageId(bytes), reason: read.reason });
      return null;
    }
    const row = read.row;
    // The row names a message without Message-ID by position; threading names it otherwise: decode it whole.
    if (!isPositionalMessageId(row.msgid, origin.source, position)) {
      const m = lightMessage(origin, { messageId: row.msgid, inReplyTo: row.inReplyTo, references: row.references, date: row.date });
      return this.keep(m, { subject: parseSubject(detached(row.subject)), kind: row.kind, hasDiff: row.hasDiff, hasDiffstat: row.hasDiffstat, end });
    }
    let full: RawMessage;
    try {
      // Read for its light facts (lightMessage keeps no header lines): no header beyond its own fields is decoded.
      full = await decodeMessage(bytes, origin, { headers: ONLY_OWN_HEADERS });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.skipped.push({ origin, messageId: rawMessageId(bytes), reason: e.problem });
      return null;
    }
    const c = classify(full.messageId ?? '', full);
    return this.keep(lightMessage(origin, full), { subject: parseSubject(detached(c.subject.raw)), kind: c.kind, hasDiff: c.hasDiff, hasDiffstat: c.hasDiffstat, end });
  }

  private keep(m: RawMessage, f: LightFacts): LightFacts {
    this.light.push(m);
    this.facts.set(m, f);
    return f;
  }

  /**
   * Pass 2: builds every series in buildSeriesSet's order and hands each, as `show --json` writes it, to
   * `onSeries` with its place in SeriesSet.series; returns SeriesSet.unthreaded. With `threads` > 0 that many
   * workers build series beside this thread (each series stands alone once laid out). Throws TwoPassMismatch
   * when a file changed since pass 1 or a message read on its headers cannot be decoded whole (then readInput's
   * path must be taken).
   */
  async build(onSeries: (place: number, series: ShowSeries) => void, threads = defaultShowThreads()): Promise<string[]> {
    if (threads <= 0) return this.buildEach((place, series) => onSeries(place, toShowSeries(series)));
    const grouping = await this.checkedGrouping();
    await runSeriesJobs(this.jobs(grouping), splitOptions(this.opts), threads, onSeries, () => this.heap.check());
    return grouping.unthreaded();
  }

  /**
   * Pass 2 on this thread, each series handed over whole (what plain `show` formats) with its place in
   * SeriesSet.series; returns SeriesSet.unthreaded. The caller keeps only what it makes of a series.
   */
  async buildEach(onSeries: (place: number, series: PatchSeries) => void): Promise<string[]> {
    const grouping = await this.checkedGrouping();
    const reader = new MessageRereader(splitOptions(this.opts));
    try {
      for (const job of this.jobs(grouping)) {
        onSeries(job.place, await buildSeriesJob(job, reader));
        this.heap.check();
      }
    } finally {
      reader.close();
    }
    return grouping.unthreaded();
  }

  /** The grouping, once every file is as pass 1 read it: offsets into a file written since may point anywhere. */
  private async checkedGrouping(): Promise<SeriesGrouping> {
    const grouping = this.groupingOf();
    for (const [spec, stamp] of this.stamps) {
      const st = await stat(spec);
      if (`${st.size}:${st.mtimeMs}` !== stamp) throw new TwoPassMismatch(`${spec} changed while it was read`);
    }
    return grouping;
  }

  /** Every draft laid out in build order (placement decides which replies each gets), as a job that stands alone. */
  private jobs(grouping: SeriesGrouping): SeriesJob[] {
    const place = new Map<SeriesDraft, number>(grouping.drafts.map((d, i) => [d, i]));
    const built = new Map<SeriesDraft, BuiltVersion>();
    const jobs: SeriesJob[] = [];
    for (const d of grouping.buildOrder()) {
      const layout = grouping.layout(d);
      // What assembleSeries makes of the layout's patches: their index and Message-ID, nothing read.
      built.set(d, { version: d.version, patches: layout.patches.map((p) => ({ index: p.index, messageId: p.message.id })) });
      const ends = new Map<string, number>();
      for (const c of placedIn(layout)) ends.set(c.id, (this.facts.get(c.message) as LightFacts).end);
      jobs.push({ place: place.get(d) as number, layout: portableLayout(layout), earlier: d.partialFrom ? built.get(d.partialFrom) : undefined, ends });
    }
    return jobs;
  }
}
