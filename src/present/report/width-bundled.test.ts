// The reviewer report is pasted into mail replies: on the bundled RFC series, every line of the
// Markdown and text reports fits in 72 columns. Built as `patchscope report` builds it (checks,
// apply on the bundled base tree, bisect, the model at its default depth), as in
// test/report-bundled.test.ts.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSeriesSet } from '../../series/index.js';
import { runChecks } from '../../analysis/checks/index.js';
import { analyzeSeries } from '../../analysis/deps/index.js';
import { checkBinding, loadSequenceFile, verifySequences } from '../../analysis/refmodel/index.js';
import { renderReport, type ReportInput } from './index.js';
import { WIDTH } from './blocks.js';

const FIXTURE = resolve(__dirname, '..', '..', '..', 'fixtures', 'dmabuf-mapping-types');
const MBOX = join(FIXTURE, 'series.mbox');
const SEQUENCE = join(FIXTURE, 'sequence.json');
const BASE = join(FIXTURE, 'base');

let input: ReportInput;
let replays: string[];

/** Columns as a mail reader counts them for this text (no wide characters in the fixture). */
const columns = (line: string): number => [...line].length;

/**
 * The one explained exception: a line that cannot be broken. Either a single token longer than
 * the width (a URL), or a replay string on a line of its own: it is one argument for
 * `patchscope verify --replay` and may hold a space (`map(vfio-pci->iommufd, pal)`), so breaking
 * it would break the copy.
 */
function unbreakable(line: string): boolean {
  const body = line.trim();
  return !/\s/.test(body) || replays.includes(body);
}

function overWidth(text: string): string[] {
  return text.split('\n').filter((l) => columns(l) > WIDTH && !unbreakable(l));
}

describe.skipIf(!existsSync(MBOX) || !existsSync(SEQUENCE) || !existsSync(BASE))('report width on the bundled RFC series', () => {
  beforeAll(async () => {
    const set = await loadSeriesSet(MBOX);
    const series = set.series[0]!;
    const file = loadSequenceFile(SEQUENCE);
    const verify = verifySequences(file.sequences, { bindingMismatches: checkBinding(file.binding, series) });
    const analysis = await analyzeSeries(series, { base: { kind: 'dir', path: BASE } });
    input = { set, findings: [...runChecks(series), ...analysis.findings], analysis, verify };
    // A violation that goes on with the same trace is printed at its first step only (its replay names that step).
    const shape = (r: string): string => r.replace(/#\d+:/, ':');
    replays = verify.sequences.flatMap((s) => s.steps.flatMap((st, k) => st.invariants.flatMap((i) => {
      const before = k > 0 ? s.steps[k - 1]!.invariants.find((j) => j.name === i.name)?.counterexample : undefined;
      return i.counterexample && !(before && shape(before.replay) === shape(i.counterexample.replay)) ? [i.counterexample.replay] : [];
    })));
  }, 120_000);

  it('should render every section, counterexamples included', () => {
    const md = renderReport(input, 'md');
    for (const h of ['## Check findings', '## Applies in order', '## Bisect and split', '## Reference model']) expect(md).toContain(h);
    // The bundled case has counterexamples, some with a replay string longer than the width:
    // without them this test would not exercise the exception it allows.
    expect(replays.length).toBeGreaterThan(0);
    expect(replays.some((r) => columns(r) > WIDTH && /\s/.test(r))).toBe(true);
  });

  it.each(['md', 'text'] as const)('should keep every %s line within 72 columns, unbreakable lines aside', (format) => {
    expect(overWidth(renderReport(input, format))).toEqual([]);
  });

  it('should give each replay string a line of its own, whole, as Markdown code', () => {
    const lines = renderReport(input, 'md').split('\n');
    expect(replays).toContain('as-posted#12:vfio-pci[0]>amdgpu:attach(vfio-pci->amdgpu)');
    expect(replays.filter((r) => r.startsWith('as-posted#') && r.endsWith(':attach(vfio-pci->amdgpu)'))).toHaveLength(1);
    for (const r of replays) {
      const at = lines.indexOf(`      ${r}`);
      expect(at, r).toBeGreaterThan(0);
      expect(lines[at - 1]).toBe('    replay (patchscope verify --replay):');
    }
  });
});
