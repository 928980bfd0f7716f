/**
 * Failures of a run (not problems found in the input: those are Findings).
 * Only src/cli maps these to exit codes and stderr; nothing below it prints.
 */
export type ErrorCode = 'input' | 'usage' | 'git' | 'limit';

export abstract class PatchscopeError extends Error {
  abstract readonly code: ErrorCode;
}

/** Where in the user's input a problem sits: the source name, then message index / Message-ID / line / JSON path. */
export interface InputLocation {
  source: string;
  message?: number;
  messageId?: string;
  line?: number;
  offset?: number;
  jsonPath?: string;
}

export function formatLocation(loc: InputLocation): string {
  const parts = [loc.source];
  if (loc.message !== undefined) parts.push(`message ${loc.message}${loc.messageId ? ` <${loc.messageId}>` : ''}`);
  else if (loc.messageId) parts.push(`<${loc.messageId}>`);
  if (loc.offset !== undefined) parts.push(`byte ${loc.offset}`);
  if (loc.line !== undefined) parts.push(`line ${loc.line}`);
  if (loc.jsonPath !== undefined) parts.push(loc.jsonPath);
  return parts.join(': ');
}

/** Thrown when the input cannot be read at all (nothing usable): exit code 2. */
export class InputError extends PatchscopeError {
  readonly code = 'input' as const;
  constructor(readonly location: InputLocation, readonly problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
  }
}

/** Thrown when the command line is wrong; nothing ran: exit code 2. */
export class UsageError extends PatchscopeError {
  readonly code = 'usage' as const;
}

/** Thrown when git itself fails for a reason that is not a finding about the series (missing repo, bad rev). */
export class GitError extends PatchscopeError {
  readonly code = 'git' as const;
  constructor(message: string, readonly command: readonly string[] = []) {
    super(message);
  }
}

/** Thrown when an input exceeds a documented resource limit (size cap, decompression ratio). */
export class LimitError extends PatchscopeError {
  readonly code = 'limit' as const;
  constructor(readonly location: InputLocation, readonly problem: string) {
    super(`${formatLocation(location)}: ${problem}`);
  }
}

export function isPatchscopeError(e: unknown): e is PatchscopeError {
  return e instanceof PatchscopeError;
}
