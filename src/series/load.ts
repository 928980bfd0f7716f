import { readInput, type IngestLimits, type ReadInputOptions, type RemoteOptions } from '../ingest/index.js';
import type { SeriesSet } from './types.js';
import { buildSeriesSet } from './build.js';

export interface LoadOptions {
  /** Repository for `git:BASE..HEAD` specs. */
  repo?: string;
  /** Progress while reading, per input: the spec and ingest's running counts. */
  onProgress?: (p: { spec: string; messages: number; bytes: number }) => void;
  /** Un-quote `>From ` lines (mboxrd); see ingest's ReadInputOptions. */
  mboxrd?: boolean;
  /** Per-message size cap and gzip ratio guard; see ingest's IngestLimits. */
  limits?: IngestLimits;
  /** How Message-ID and archive URL inputs are fetched; see ingest's RemoteOptions. */
  remote?: RemoteOptions;
}

/**
 * Reads every input (path, `-`, `git:BASE..HEAD`) with ingest and groups all of them into one SeriesSet, so a
 * series and its replies may come from separate files. Input errors (InputError, LimitError, GitError) propagate.
 */
export async function loadSeriesSet(specs: string[] | string, opts: LoadOptions = {}): Promise<SeriesSet> {
  const list = Array.isArray(specs) ? specs : [specs];
  const results = [];
  for (const spec of list) {
    const read: ReadInputOptions = { repo: opts.repo, mboxrd: opts.mboxrd, limits: opts.limits, remote: opts.remote };
    const progress = opts.onProgress;
    if (progress) read.onProgress = (p) => progress({ spec, ...p });
    results.push(await readInput(spec, read));
  }
  return buildSeriesSet(results);
}
