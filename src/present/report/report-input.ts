import type { SeriesSet } from '../../series/types.js';
import type { Finding } from '../../analysis/findings.js';
import type { ApplyResult } from '../../analysis/apply/index.js';

/**
 * A result of another stage that the report shows as that stage formats it (`text`) and that the
 * JSON report carries as that stage serialises it (`json`). Used for bisect/split and the model
 * until their result types settle; the report does not look inside.
 */
export interface FormattedPart {
  /** The stage's own plain-text rendering (e.g. refmodel's formatVerifyText); shown as is, sanitised. */
  text: string;
  /** The stage's JSON-ready result. */
  json: unknown;
  /** Short verdict for the summary line, e.g. "bisectable at every patch" or "3 of 3 steps hold". */
  verdict?: string;
  /** True when the part found something at error level (a violated invariant, a patch that breaks the build). */
  failed?: boolean;
}

export interface ReportInput {
  set: SeriesSet;
  /** Check findings (checkpatch-style, per patch and per series). */
  findings: Finding[];
  apply?: ApplyResult;
  bisect?: FormattedPart;
  verify?: FormattedPart;
}

export type ReportFormat = 'md' | 'json' | 'text';

export interface ReportOptions {
  /** Stamp the report with this time; without it the output carries no time and is reproducible. */
  now?: Date;
}
