import type { SeriesSet } from '../../series/index.js';
import type { Finding } from '../../analysis/index.js';
import type { PickEntry } from './state/picker.js';

/**
 * What the TUI shows: immutable results computed outside React, so components stay dumb and
 * state lives in hooks. `bisect` and `verify` are the TUI's own view shapes, deliberately loose:
 * adapt.ts turns the analysis stage's results into them, so a change in an analysis type breaks
 * one adapter, not the screens.
 */
export interface ReviewData {
  set: SeriesSet;
  findings: Finding[];
  bisect?: BisectView;
  verify?: VerifyView;
  /** Work still running (apply, bisect, the model), shown on the status line until the data arrives. */
  pending?: string;
  /**
   * Pick mode (`patchscope pick`): series from the archive index to choose from instead of a set to
   * review; the TUI starts on the picker and ends with the choice (runTui's `onChoose`).
   */
  picks?: PickEntry[];
  /** Pick mode: the query the picker starts with. */
  startQuery?: string;
  /** The version (index into `set.series`) to start on; the first when absent. */
  startVersion?: number;
}

/** Per-patch build/bisect outcome, keyed by the patch's 1-based index. */
export interface BisectView {
  /** Which version (series id) the results are for; absent = the first series. */
  seriesId?: string;
  results: BisectResult[];
}

/** `unknown`: series-only bisect (no base tree) saw a use it cannot show defined; shown as `?`, never as a failure. */
export type BisectStatus = 'ok' | 'fail' | 'unknown' | 'skip';

export interface BisectResult {
  index: number;
  status: BisectStatus;
  /** Why it failed, e.g. "uses dma_buf_sgt_attach, defined in 19". */
  reason?: string;
}

export interface VerifyView {
  sequences: SequenceView[];
  /** Where the plan (binding.json) puts each patch, and where the series disagrees with it. */
  binding?: BindingView;
  statesExplored?: number;
  statesPerSecond?: number;
}

/** One landing sequence (the seed's three steps, or the series as posted). */
export interface SequenceView {
  name: string;
  /** What the plan expects; the series view's step column follows the first sequence expected to pass. */
  expect?: 'pass' | 'fail';
  /** What the model found, e.g. "fail (unexpected)". */
  outcome?: string;
  steps: StepView[];
}

export interface StepView {
  name: string;
  /** Patch indices of the series this step contains. */
  patches: number[];
  deltas: DeltaView[];
  invariants: InvariantResult[];
  matrix?: PairMatrix;
  /** Ops each exporter implements at this step ("driver burden"). */
  burden?: Record<string, number>;
  /** One per violated invariant: the shortest trace the explorer found. */
  counterexamples?: TraceView[];
}

export interface DeltaView {
  label: string;
  /** True when no posted patch backs the delta yet. */
  planned: boolean;
}

export interface InvariantResult {
  id: string;
  ok: boolean;
  message?: string;
}

/** exporter × importer: the negotiated mapping path per cell, null when no common type exists. */
export interface PairMatrix {
  exporters: string[];
  importers: string[];
  /** cells[e][i], e.g. "pal→iommu_domain (converter)". */
  cells: (string | null)[][];
}

export interface BindingView {
  /** Per bound patch: the files and symbols its model delta is about (where its trace is shown). */
  entries: { patch: number; files: string[]; symbols: string[] }[];
  /** `patch 24: file-not-touched: …`, as `verify` prints them. */
  mismatches: string[];
  /**
   * False when the plan is about another series (a patch's subject differs, a bound patch is
   * missing): the model view still shows the sequences, but no patch is given their verdicts.
   */
  describesSeries: boolean;
}

/**
 * A counterexample: the initial state, then the operations numbered from 1, each with the model
 * state after it. `steps[0]` is the initial state, so the trace has `steps.length - 1` operations,
 * the count `verify` and the README give.
 */
export interface TraceView {
  invariant: string;
  message?: string;
  /** Who is involved, e.g. "vfio-pci buffer 0 → iommufd". */
  scope?: string;
  replay?: string;
  steps: TraceStepView[];
}

export interface TraceStepView {
  label: string;
  /** The model state after the operation, as printable lines or as a plain object. */
  state: string[] | Record<string, unknown>;
}
