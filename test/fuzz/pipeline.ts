/**
 * The property every fuzz input must satisfy, as one function: read the bytes as the CLI does
 * (a file on disk through loadSeriesSet), then run what `show` and `check` run without a git base.
 * The outcome is a SeriesSet whose every message is placed, or one PatchscopeError (exit 2 in the
 * CLI). Anything else thrown is a bug and propagates, with the input saved for replay.
 */
import { expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countPlaced, loadSeriesSet, toShowJson, type SeriesSet } from '../../src/series/index.js';
import { runChecks } from '../../src/analysis/checks/index.js';
import { analyzeSeries } from '../../src/analysis/deps/index.js';
import { formatShowText } from '../../src/present/report/show-text.js';
import { formatCheckpatch } from '../../src/present/report/checkpatch-text.js';
import { renderReport } from '../../src/present/report/index.js';
import { cpuNow } from '../support/cpu-clock.js';
import { isPatchscopeError, type PatchscopeError } from '../../src/util/errors.js';

export type Outcome =
  | { kind: 'set'; set: SeriesSet; placed: number; ms: number }
  | { kind: 'error'; error: PatchscopeError; ms: number };

export interface PipelineOptions {
  /** Also run the dependency analysis (symbols, bisect): slower, so not on every input. */
  deps?: boolean;
}

/** A scratch folder for fuzz inputs, removed by `dispose`. */
export function fuzzScratch(): { file: (name: string, b: Buffer) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-fuzz-'));
  return {
    file: (name, b) => {
      const p = join(dir, name);
      writeFileSync(p, b);
      return p;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs ingest → series → checks (→ deps → report in every format) → text/JSON presenters on the file at `path`. */
export async function runPipeline(path: string, opts: PipelineOptions = {}): Promise<Outcome> {
  const started = cpuNow();
  let set: SeriesSet;
  try {
    set = await loadSeriesSet(path, {});
  } catch (e) {
    if (isPatchscopeError(e)) return { kind: 'error', error: e, ms: cpuNow() - started };
    throw e;
  }
  JSON.stringify(toShowJson(set));
  formatShowText(set);
  for (const series of set.series) {
    const findings = runChecks(series);
    formatCheckpatch(series, findings);
    if (!opts.deps) continue;
    // What `report` renders for the series: the three formats over checks and the dependency analysis.
    const analysis = await analyzeSeries(series, {});
    for (const format of ['md', 'text', 'json'] as const) renderReport({ set, findings, analysis }, format);
  }
  return { kind: 'set', set, placed: countPlaced(set), ms: cpuNow() - started };
}

/**
 * CPU time allowed for an input of `size` bytes: a fixed start-up share plus a per-byte share. Generous
 * (2 shared cores, other suites running), but proportional, so a quadratic path still fails.
 */
export function timeBudgetMs(size: number): number {
  return 3000 + size / 100;
}

/** The property, as assertions: a SeriesSet that places every message read, or one clean one-line error, in time. */
export function expectClean(outcome: Outcome, size: number): void {
  if (outcome.kind === 'set') expect(outcome.placed).toBe(outcome.set.messages);
  else expect(outcome.error.message).not.toMatch(/\n/);
  expect(outcome.ms).toBeLessThan(timeBudgetMs(size));
}
