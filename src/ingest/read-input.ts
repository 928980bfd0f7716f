/**
 * The entry point of ingest: an input spec → decoded messages. The kind comes from the spec
 * (`-`, `git:`, a folder) and then from content (gzip magic, `From ` line), never from a name.
 */
import { stat } from 'node:fs/promises';
import { InputError } from '../util/errors.js';
import { folderItems } from './format-patch-dir.js';
import { gitRangeItems } from './git-range.js';
import { counted, type IngestCounter, type IngestLimits } from './items.js';
import { describeFsError, fileChunks, stdinChunks } from './source.js';
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
}

/** Stream the messages of an input, one item at a time, in input order. */
export async function* iterateMessages(spec: string, opts: ReadInputOptions = {}): AsyncGenerator<IngestItem> {
  const counter: IngestCounter = { items: 0, bytes: 0, onProgress: opts.onProgress };
  const mboxrd = opts.mboxrd === true ? true : 'marked';
  if (spec === '-') {
    yield* itemsFromChunks(counted(stdinChunks(), counter), { source: spec, mboxrd, counter, limits: opts.limits });
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

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (e) {
    throw new InputError({ source: path }, describeFsError(e));
  }
}
