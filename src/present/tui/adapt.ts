/**
 * Adapters from the analysis stage's results to the TUI's own view shapes (data.ts). Keeping them in
 * one file means a change to VerifyReport touches this file, not the screens.
 */
import {
  driverBurden, referenceMatch,
  type Binding, type Counterexample, type Delta, type Sequence, type StepReport, type VerifyReport, type World,
} from '../../analysis/refmodel/index.js';
import type { BisectResult as DepsBisect } from '../../analysis/deps/index.js';
import type { Finding } from '../../analysis/index.js';
import type { SeriesSet } from '../../series/index.js';
import { INITIAL_STATE } from './state/verdicts.js';
import type { BisectView, DeltaView, PairMatrix, ReviewData, StepView, TraceView, VerifyView } from './data.js';

/** A delta in the model's own words: `add-type pal`, `set-offers vfio-pci [pal, sgt]`. */
export function describeDelta(d: Delta): string {
  const note = d.note ? ` — ${d.note}` : '';
  switch (d.op) {
    case 'none': return `none (${d.why})${note}`;
    case 'add-type': case 'remove-type': return `${d.op} ${d.type}${note}`;
    case 'add-converter': case 'remove-converter': return `${d.op} ${d.converter}${note}`;
    case 'add-exporter': return `add-exporter ${d.exporter.name} [${d.exporter.offers.join(', ')}]${note}`;
    case 'add-importer': return `add-importer ${d.importer.name} [${d.importer.accepts.join(', ')}]${note}`;
    case 'set-offers': return `set-offers ${d.exporter} [${d.offers.join(', ')}]${note}`;
    case 'set-accepts': return `set-accepts ${d.importer} [${d.accepts.join(', ')}]${note}`;
    case 'set-max-ranges': return `set-max-ranges ${d.importer} ${d.maxRanges}${note}`;
    case 'set-match-lock': return `set-match-lock ${d.exporter} ${d.asserts ? 'asserts' : 'none'}${note}`;
    case 'set-unmap-leaks': return `set-unmap-leaks ${d.exporter} ${d.leaks}${note}`;
  }
}

/** exporter × importer: the path the reference core negotiates in this world, null when none. */
export function pairMatrix(world: World): PairMatrix {
  return {
    exporters: world.exporters.map((e) => e.name),
    importers: world.importers.map((i) => i.name),
    cells: world.exporters.map((e) => world.importers.map((i) => {
      const m = referenceMatch(world, e, i);
      // Compact: `sgt` when direct, `pal→sgt` through a core converter; the full wording is describeMatch's.
      return m.ok ? (m.converter ? `${m.exporterType}→${m.importerType}` : m.importerType) : null;
    })),
  };
}

export function traceView(c: Counterexample): TraceView {
  return {
    invariant: c.invariant,
    message: c.message,
    scope: `${c.exporter} buffer ${c.buffer} → ${c.importers.join(', ')}`,
    replay: c.replay,
    steps: [{ label: INITIAL_STATE, state: c.initial }, ...c.trace.map((t) => ({ label: t.label, state: t.state }))],
  };
}

function stepView(r: StepReport, step: Sequence['steps'][number] | undefined): StepView {
  const deltas: DeltaView[] = step
    ? step.deltas.map((d) => ({ label: `${describeDelta(d.delta)}${d.patch !== null ? ` (patch ${d.patch}${d.origin ? `, ${d.origin.file}:${d.origin.line}` : ''})` : ''}`, planned: d.patch === null }))
    : r.planned.map((d) => ({ label: describeDelta(d), planned: true }));
  const burden = step ? driverBurden(step.world).exporters : r.driverBurden.exporters;
  return {
    name: r.name,
    patches: r.patches,
    deltas,
    invariants: r.invariants.map((i) => ({ id: i.name, ok: i.holds, ...(i.counterexample ? { message: i.counterexample.message } : {}) })),
    ...(step ? { matrix: pairMatrix(step.world) } : {}),
    burden: Object.fromEntries(Object.entries(burden).map(([k, ops]) => [k, ops.length])),
    counterexamples: r.invariants.flatMap((i) => (i.counterexample ? [traceView(i.counterexample)] : [])),
  };
}

/** The verify report as the steps view shows it; pass the resolved sequences to get deltas and the pair matrix, the binding to place traces. */
export function verifyView(report: VerifyReport, sequences: readonly Sequence[] = [], binding?: Binding): VerifyView {
  return {
    ...(binding ? {
      binding: {
        entries: binding.patches.map((b) => ({ patch: b.patch, files: b.files, symbols: b.symbols })),
        mismatches: report.binding.mismatches.map((m) => `patch ${m.patch}: ${m.kind}: ${m.message}`),
        describesSeries: !report.binding.mismatches.some((m) => m.kind === 'subject-differs' || m.kind === 'missing-patch'),
      },
    } : {}),
    statesExplored: report.states,
    statesPerSecond: report.statesPerSecond,
    sequences: report.sequences.map((s) => {
      const seq = sequences.find((q) => q.name === s.name);
      return { name: s.name, expect: s.expect, outcome: `${s.outcome}${s.asExpected ? ', as expected' : `, expected ${s.expect}`}`, steps: s.steps.map((r, k) => stepView(r, seq?.steps[k])) };
    }),
  };
}

/** deps' bisect per patch: ok, broken (with the first missing name and why), or not checked. */
export function bisectView(result: DepsBisect, seriesId?: string): BisectView {
  return {
    ...(seriesId !== undefined ? { seriesId } : {}),
    results: result.patches.map((p) => {
      if (p.status === 'ok') return { index: p.index, status: 'ok' as const };
      if (p.status === 'not-checked') return { index: p.index, status: 'skip' as const, reason: 'not checked' };
      const uses = p.status === 'broken' ? p.broken : p.suspect;
      const first = uses[0];
      const more = uses.length > 1 ? ` (+${uses.length - 1} more)` : '';
      const status = p.status === 'broken' ? 'fail' as const : 'unknown' as const;
      return { index: p.index, status, reason: first ? `${first.name} at ${first.file}:${first.line}: ${first.why}${more}` : p.status };
    }),
  };
}

export interface ReviewInputs {
  set: SeriesSet;
  findings: Finding[];
  /** deps' bisect of `set.series[0]` (or of the series named by `bisectSeriesId`). */
  bisect?: DepsBisect;
  bisectSeriesId?: string;
  verify?: { report: VerifyReport; sequences?: readonly Sequence[]; binding?: Binding };
}

/** Everything runTui needs, from the analysis stage's own results. */
export function toReviewData(inputs: ReviewInputs): ReviewData {
  return {
    set: inputs.set,
    findings: inputs.findings,
    ...(inputs.bisect ? { bisect: bisectView(inputs.bisect, inputs.bisectSeriesId) } : {}),
    ...(inputs.verify ? { verify: verifyView(inputs.verify.report, inputs.verify.sequences, inputs.verify.binding) } : {}),
  };
}
