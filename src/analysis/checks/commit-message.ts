import type { Patch } from '../../series/types.js';

/** A line of a message body with its 1-based position, checkpatch's `#N`. */
export interface BodyLine {
  text: string;
  bodyLine: number;
}

/** The patch separator format-patch writes above the diffstat: `---` alone (git mailinfo allows trailing blanks). */
const SEPARATOR = /^---\s*$/;
/** Where git mailinfo would start the patch when there is no bare `---` (mailinfo.c `patchbreak`). */
const DIFF_START = /^(?:diff -|Index: )/;
/** In-body headers format-patch puts at the top when the sender is not the author (git-format-patch(1)). */
const IN_BODY_HEADER = /^(?:From|Date|Subject|Reply-To):\s/;

export function splitBodyLines(body: string): BodyLine[] {
  return body.split('\n').map((text, i) => ({ text, bodyLine: i + 1 }));
}

/** Index of the first line after the commit message: the bare `---`, else the first diff header, else the end. */
export function commitMessageEnd(lines: readonly BodyLine[]): number {
  const separator = lines.findIndex((l) => SEPARATOR.test(l.text));
  if (separator >= 0) return separator;
  const diff = lines.findIndex((l) => DIFF_START.test(l.text));
  return diff >= 0 ? diff : lines.length;
}

/** Skips in-body `From:`/`Subject:` headers at the top and the blank line after them. */
function skipInBodyHeaders(lines: readonly BodyLine[]): number {
  let i = 0;
  while (i < lines.length && IN_BODY_HEADER.test(lines[i]!.text)) i++;
  if (i > 0 && lines[i]?.text.trim() === '') i++;
  return i;
}

/**
 * The commit message of a patch as git am would record it, read from the body as sent (not from the parsed
 * model) so every line keeps its `#N` and its raw spelling: in-body headers and trailing blank lines dropped.
 */
export function commitMessageLines(patch: Pick<Patch, 'body'>): BodyLine[] {
  const lines = splitBodyLines(patch.body);
  const end = commitMessageEnd(lines);
  const message = lines.slice(skipInBodyHeaders(lines.slice(0, end)), end);
  while (message.length > 0 && message[message.length - 1]!.text.trim() === '') message.pop();
  return message;
}
