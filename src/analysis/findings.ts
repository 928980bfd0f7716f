/** A problem found in the input. Never thrown: checks, apply, bisect and the model all return these. */
export type Severity = 'error' | 'warning' | 'check';

export interface FindingLocation {
  /** Patch index in the series (0 = cover), when the finding is about one patch. */
  patch?: number;
  messageId?: string;
  file?: string;
  /** Line in the changed file (new side). */
  line?: number;
  /** 1-based line within the message body, checkpatch's `#N`. */
  bodyLine?: number;
}

export interface Finding {
  /** Stable kebab-case type, e.g. `missing-signoff`, `trailing-whitespace`, `does-not-apply`. */
  id: string;
  severity: Severity;
  where: FindingLocation;
  message: string;
  /** The offending line, if any, for display. */
  excerpt?: string;
  /** Who found it: our own checks, or the real checkpatch.pl run beside them (absent: native). */
  source?: 'native' | 'checkpatch';
  /** checkpatch's TYPE (`LONG_LINE`) when the finding came with one; else the check registry's. */
  type?: string;
}
