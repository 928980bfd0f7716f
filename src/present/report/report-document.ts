import type { Block } from './blocks.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { applyBlocks, findingsBlocks, inputNotesBlocks } from './analysis-section.js';
import { depsBlocks } from './deps-section.js';
import { verifyBlocks } from './verify-section.js';
import { clean, seriesBlocks } from './series-section.js';

/** The whole report as blocks, in reading order: what was posted, then what the analysis found. */
export function buildReportBlocks(input: ReportInput, opts: ReportOptions = {}): Block[] {
  const first = input.set.series[0];
  const title = first ? `Series: ${clean(first.title)}.` : 'No patch series found.';
  const intro = `${title} ${input.set.messages} messages read, ${input.set.series.length} series version(s)`
    + `${opts.now ? `, generated ${opts.now.toISOString().replace(/\.\d{3}Z$/, 'Z')}` : ''}.`;
  return [
    // Headings cannot wrap, so the (long) series title goes in the paragraph below.
    { kind: 'heading', level: 1, text: 'Review report' },
    { kind: 'paragraph', text: intro },
    ...input.set.series.flatMap(seriesBlocks),
    ...findingsBlocks(input.findings),
    ...(input.analysis?.apply ? applyBlocks(input.analysis.apply) : []),
    ...(input.analysis ? depsBlocks(input.analysis) : []),
    ...(input.verify ? verifyBlocks(input.verify) : []),
    ...inputNotesBlocks(input.set),
  ];
}
