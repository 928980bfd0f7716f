import { buildReportBlocks } from './report-document.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';
import { renderJson } from './json.js';
import type { ReportFormat, ReportInput, ReportOptions } from './report-input.js';

/** One reviewer report in the asked format. Same input, same bytes: no time unless `opts.now`. */
export function renderReport(input: ReportInput, format: ReportFormat, opts: ReportOptions = {}): string {
  switch (format) {
    case 'md': return renderMarkdown(buildReportBlocks(input, opts));
    case 'text': return renderText(buildReportBlocks(input, opts));
    case 'json': return renderJson(input, opts);
  }
}
