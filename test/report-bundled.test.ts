// The reviewer report on the bundled RFC series (fixtures/dmabuf-mapping-types): parsed, checked,
// bisected without a base, verified against the model, rendered in all three formats.
import { describe, it, expect, beforeAll } from 'vitest';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSeriesSet } from '../src/series/index.js';
import type { PatchSeries, SeriesSet } from '../src/series/types.js';
import { runChecks } from '../src/analysis/checks/index.js';
import { analyzeSeries } from '../src/analysis/deps/index.js';
import { checkBinding, loadSequenceFile, verifySequences } from '../src/analysis/refmodel/index.js';
import { renderReport, computeReviewState, type ReportInput } from '../src/present/report/index.js';

const FIXTURE = resolve(__dirname, '..', 'fixtures', 'dmabuf-mapping-types');
const MBOX = join(FIXTURE, 'series.mbox');
const SEQUENCE = join(FIXTURE, 'sequence.json');

let set: SeriesSet;
let series: PatchSeries;
let input: ReportInput;

describe.skipIf(!existsSync(MBOX) || !existsSync(SEQUENCE))('report on the bundled RFC series', () => {
  beforeAll(async () => {
    set = await loadSeriesSet(MBOX);
    series = set.series[0]!;
    const file = loadSequenceFile(SEQUENCE);
    const verify = verifySequences(file.sequences, { depth: 3, bindingMismatches: checkBinding(file.binding, series) });
    input = { set, findings: runChecks(series), analysis: await analyzeSeries(series), verify };
  }, 120_000);

  it('should read the 39 messages as one RFC series of 26 patches', () => {
    expect(set.messages).toBe(39);
    expect(series.rfc).toBe(true);
    expect(series.patches).toHaveLength(26);
  });

  it('should list every patch with its author and review state in Markdown', () => {
    const md = renderReport(input, 'md');
    for (const p of series.patches) {
      const n = String(p.index).padStart(2, '0');
      expect(md).toContain(`- ${n}/26 ${p.subject.split(' ')[0]}`);
    }
    expect(md).toContain('Jason Gunthorpe <jgg@nvidia.com>');
    const flat = md.replace(/\s+/g, ' ');
    expect(flat).toContain('Replies to the cover: 2 (Jason Gunthorpe <jgg@nvidia.com>, Kasireddy, Vivek <vivek.kasireddy@intel.com>)');
    // The sender's own time and zone (Date: Tue, 17 Feb 2026 20:11:33 -0400), as git am records it, not UTC.
    expect(flat).toContain('- 21/26 dma-buf: Add the Physical Address List DMA mapping type Jason Gunthorpe <jgg@nvidia.com>, 2026-02-17 20:11 -0400 Trailers: Signed-off-by: Jason Gunthorpe <jgg@nvidia.com> Review: no trailer yet; 8 replies from Christian König, Jason Gunthorpe');
    // Vivek's Acked-by on the cover counts for the series (b4 applies it only with -t).
    expect(flat).toContain('For the whole series (on the cover letter): Acked-by: Vivek Kasireddy <vivek.kasireddy@intel.com> (reply).');
    expect(md.split('\n').filter((l) => l.length > 72 && !l.startsWith('    ') && /\S\s+\S/.test(l.replace(/^- /, '')))).toEqual([]);
  });

  it('should say which patches got replies and which none, as the thread shows', () => {
    const state = computeReviewState(series);
    const discussed = state.patches.filter((p) => p.kind !== 'silent').map((p) => p.index);
    expect(discussed).toEqual([12, 21]);
    expect(state.counts.silent).toBe(24);
  });

  it('should carry findings, analysis and model verdicts in JSON, byte-identical run to run', () => {
    const json = renderReport(input, 'json');
    const doc = JSON.parse(json) as { schema: number; series: unknown[]; findings: unknown[]; analysis: { bisect: { bisectable: boolean } }; verify: { sequences: unknown[] } };
    expect(doc.schema).toBe(1);
    expect(doc.series).toHaveLength(1);
    expect(doc.findings).toHaveLength(input.findings.length);
    expect(typeof doc.analysis.bisect.bisectable).toBe('boolean');
    expect(doc.verify.sequences.length).toBeGreaterThan(0);
    expect(renderReport(input, 'json')).toBe(json);
    expect(renderReport(input, 'md')).toBe(renderReport(input, 'md'));
  });

  it('should name each model step and its verdict in the text report', () => {
    const text = renderReport(input, 'text').replace(/\s+/g, ' ');
    for (const seq of input.verify!.sequences) {
      expect(text).toContain(`Sequence ${seq.name}:`);
      seq.steps.forEach((s, k) => expect(text).toContain(`step ${k + 1} ${s.name.replace(/\s+/g, ' ')}: ${s.verdict === 'pass' ? 'all invariants hold' : 'violates'}`));
    }
  });
});
