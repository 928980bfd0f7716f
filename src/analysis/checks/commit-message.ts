import { isPatchBreak, type Patch } from '../../series/index.js';

/** A line of a message body with its 1-based position, checkpatch's `#N`. */
export interface BodyLine {
  text: string;
  bodyLine: number;
}

/** The patch separator format-patch writes above the diffstat: `---` alone (git mailinfo allows trailing blanks). */
const SEPARATOR = /^---\s*$/;
/** A line that only a diff has: `diff -`, `Index: `, or the `+++ b/…` line of a file header. */
const DIFF_START = /^(?:diff -|Index: |\+\+\+ \S)/;
/** In-body headers format-patch puts at the top when the sender is not the author (git-format-patch(1)). */
const IN_BODY_HEADER = /^(?:From|Date|Subject|Reply-To):\s/;

export function splitBodyLines(body: string): BodyLine[] {
  return body.split('\n').map((text, i) => ({ text, bodyLine: i + 1 }));
}

/**
 * Index of the first line after the commit message as the author meant it: the first bare `---` with a diff after
 * it (so diff text pasted above it stays visible as part of the message), else where git mailinfo would break
 * (`patchbreak`: `---`, `--- file`, `diff -`, `Index: `), else the end.
 */
export function commitMessageEnd(lines: readonly BodyLine[]): number {
  let lastDiffStart = lines.length - 1;
  while (lastDiffStart >= 0 && !DIFF_START.test(lines[lastDiffStart]!.text)) lastDiffStart--;
  const separator = lines.findIndex((l, i) => i < lastDiffStart && SEPARATOR.test(l.text));
  if (separator >= 0) return separator;
  const mailinfoBreak = lines.findIndex((l) => isPatchBreak(l.text));
  return mailinfoBreak >= 0 ? mailinfoBreak : lines.length;
}

/** Skips in-body `From:`/`Subject:` headers at the top and the blank line after them. */
function skipInBodyHeaders(lines: readonly BodyLine[]): number {
  let i = 0;
  while (i < lines.length && IN_BODY_HEADER.test(lines[i]!.text)) i++;
  if (i > 0 && lines[i]?.text.trim() === '') i++;
  return i;
}

/** Several checks read the same message; it is read once per patch object (and never changed: callers slice). */
const messageOf = new WeakMap<object, readonly BodyLine[]>();

/**
 * The commit message of a patch as git am would record it, read from the body as sent (not from the parsed
 * model) so every line keeps its `#N` and its raw spelling: in-body headers and trailing blank lines dropped.
 */
export function commitMessageLines(patch: Pick<Patch, 'body'>): readonly BodyLine[] {
  let message = messageOf.get(patch);
  if (message === undefined) {
    message = readCommitMessage(patch.body);
    messageOf.set(patch, message);
  }
  return message;
}

function readCommitMessage(body: string): BodyLine[] {
  const lines = splitBodyLines(body);
  const end = commitMessageEnd(lines);
  const message = lines.slice(skipInBodyHeaders(lines.slice(0, end)), end);
  while (message.length > 0 && message[message.length - 1]!.text.trim() === '') message.pop();
  return message;
}
