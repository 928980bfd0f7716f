/**
 * The entry point of ingest: an input spec → decoded messages. The kind comes from the spec
 * (`-`, `git:`, a folder) and then from content (gzip magic, `From ` line), never from a name.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { folderItems } from './format-patch-dir.js';
import { gitRangeItems } from './git-range.js';
import { counted, type IngestCounter, type IngestLimits } from './items.js';
import { describeFsError, fileChunks, stdinChunks } from './source.js';
import { fetchThread, parseRemoteSpec, searchInbox, type RemoteOptions, type RemoteRef } from './remote/index.js';
import { itemsFromChunks } from './stream-items.js';
import type { IngestItem, IngestResult } from './types.js';

export interface ReadInputOptions {
  /** Repository for `git:` specs; defaults to the current directory. */
  repo?: string;
  /** Called after every message with the items and raw bytes read so far. */
  onProgress?: (p: { messages: number; bytes: number }) => void;
  /**
   * Un-quote `>From ` lines (mboxrd) in every message. Without it, as `git mailsplit` without `--mboxrd`, only the
   * messages public-inbox marks as mboxrd (its `From mboxrd@z …` separator: lore and list archive exports) are
   * un-quoted: git's own conformance data (t5100 sample.mboxrd, `From mboxrd@git`) keeps `>From ` in default mode,
   * and a guess from body content would change bodies that mboxo writers left alone.
   */
  mboxrd?: boolean;
  /** Per-message size cap and gzip ratio guard for file and stdin inputs (folders and git ranges use the defaults). */
  limits?: IngestLimits;
  /** How a Message-ID or archive URL input is fetched (server, cache, time limit). */
  remote?: RemoteOptions;
}

/** Stream the messages of an input, one item at a time, in input order. */
export async function* iterateMessages(spec: string, opts: ReadInputOptions = {}): AsyncGenerator<IngestItem> {
  const counter: IngestCounter = { items: 0, bytes: 0, onProgress: opts.onProgress };
  const mboxrd = opts.mboxrd === true ? true : 'marked';
  let remote: RemoteRef | null;
  if (spec === '-') {
    yield* itemsFromChunks(counted(stdinChunks(), counter), { source: spec, mboxrd, counter, limits: opts.limits });
  } else if ((remote = remoteRef(spec)) !== null) {
    const thread = await fetchThread(remote, { maxBytes: opts.limits?.maxMessageBytes, ...opts.remote });
    yield* itemsFromChunks(counted(once(thread.body), counter), { source: spec, mboxrd, counter, limits: opts.limits });
  } else if (spec.startsWith('git:')) {
    yield* gitRangeItems(spec, opts.repo ?? process.cwd(), mboxrd, counter);
  } else if (await isDirectory(spec)) {
    yield* folderItems(spec, spec, mboxrd, counter);
  } else {
    yield* itemsFromChunks(counted(await fileChunks(spec), counter), { source: spec, mboxrd, counter, limits: opts.limits });
  }
}

/** Read a whole input: every message decoded or skipped with a reason. */
export async function readInput(spec: string, opts: ReadInputOptions = {}): Promise<IngestResult> {
  const result: IngestResult = { source: spec, messages: [], skipped: [] };
  for await (const item of iterateMessages(spec, opts)) {
    if (item.kind === 'message') result.messages.push(item.message);
    else result.skipped.push(item.skipped);
  }
  return result;
}

/**
 * The remote message an input names, or null. A bare `a@b` that exists as a file is that file: local
 * input wins, so no file a user already reads changes meaning.
 */
export function remoteRef(spec: string): RemoteRef | null {
  const ref = parseRemoteSpec(spec);
  if (ref === null || (ref.form === 'bare' && existsSync(spec))) return null;
  return ref;
}

/**
 * The messages a search of `server` finds (public-inbox query syntax), decoded as any input is; an
 * empty result when nothing matches.
 */
export async function readSearch(server: string, query: string, opts: ReadInputOptions = {}): Promise<IngestResult> {
  const source = `${server}?q=${query}`;
  const result: IngestResult = { source, messages: [], skipped: [] };
  const answer = await searchInbox(server, query, { maxBytes: opts.limits?.maxMessageBytes, ...opts.remote });
  if (answer === null) return result;
  const counter: IngestCounter = { items: 0, bytes: 0 };
  for await (const item of itemsFromChunks(once(answer.body), { source, mboxrd: opts.mboxrd ?? false, counter, limits: opts.limits })) {
    if (item.kind === 'message') result.messages.push(item.message);
    else result.skipped.push(item.skipped);
  }
  return result;
}

async function* once(body: Buffer): AsyncGenerator<Buffer> {
  yield body;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (e) {
    throw new InputError({ source: path }, describeFsError(e));
  }
}
