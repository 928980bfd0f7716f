import type { Block } from './blocks.js';
import type { ReportInput, ReportOptions } from './report-input.js';
import { applyBlocks, findingsBlocks, formattedPartBlocks, inputNotesBlocks } from './analysis-section.js';
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
    ...(input.apply ? applyBlocks(input.apply) : []),
    ...(input.bisect ? formattedPartBlocks('Bisect and split', input.bisect) : []),
    ...(input.verify ? formattedPartBlocks('Reference model', input.verify) : []),
    ...inputNotesBlocks(input.set),
  ];
}
