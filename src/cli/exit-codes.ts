import type { Finding } from '../analysis/index.js';

/** 0 clean, 1 findings at error level or a violated invariant, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_BAD_INPUT = 2;
export type ExitCode = typeof EXIT_OK | typeof EXIT_FINDINGS | typeof EXIT_BAD_INPUT;

/** A finding at error level (exit 1): here, not in review.ts, so the TUI's early quit need not load the analysis. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
