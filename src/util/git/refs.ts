/**
 * The one validator for revisions that reach git: from the command line (`--base REV`,
 * `git:BASE..HEAD`), from our own output (commit ids) or from an archive. A revision is checked
 * before any git process starts, so nothing a user pastes or a mail carries can become an option.
 */
import { GitError } from '../errors.js';

/**
 * A single revision: a hex id, a branch or tag name, `HEAD~3`, `v6.8^`, `main@{1}`, `@{u}`,
 * `feature/x^{commit}`. First character a letter, digit, `_` or `@` (never `-`, which git would read
 * as an option); then only `[A-Za-z0-9_./@{}^~+-]`: no whitespace, control characters, `:` (path
 * lookups) or shell characters; no `..` (a range is two revisions) or `//`; at most 200 characters.
 */
const SAFE_REF = /^(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9_@][A-Za-z0-9_./@{}^~+-]{0,199}$/;

export function isSafeRef(ref: string): boolean {
  return SAFE_REF.test(ref) && !ref.endsWith('.lock') && !ref.endsWith('/');
}

/** The reason a revision is refused, in the words every door uses. */
export function refusedRefMessage(ref: string): string {
  return `refusing revision ${JSON.stringify(ref)}: not a plain revision name (letters, digits and _./@{}^~+-, no leading "-", no "..")`;
}

/** Throws a GitError (nothing is run) when a ref could be read as an option, a path or a range. */
export function assertSafeRef(ref: string): void {
  if (!isSafeRef(ref)) throw new GitError(refusedRefMessage(ref), [ref]);
}

/** A full object id as git prints it (SHA-1 or SHA-256). */
export function isObjectId(text: string): boolean {
  return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(text);
}
