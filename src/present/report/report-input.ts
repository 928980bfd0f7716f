import type { SeriesSet } from '../../series/index.js';
import type { Finding } from '../../analysis/index.js';
import type { SeriesAnalysis } from '../../analysis/deps/index.js';
import type { VerifyReport } from '../../analysis/refmodel/index.js';

export interface ReportInput {
  set: SeriesSet;
  /** Check findings (runChecks: checkpatch-style, per patch and per series). */
  findings: Finding[];
  /** analyzeSeries' result: apply (with a base), bisect, split; its own findings are shown in its sections. */
  analysis?: SeriesAnalysis;
  /** verifySequences' result: model verdicts per sequence and step, with counterexamples. */
  verify?: VerifyReport;
}

export type ReportFormat = 'md' | 'json' | 'text';

export interface ReportOptions {
  /** Stamp the report with this time; without it the output carries no time and is reproducible. */
  now?: Date;
}
