import type { Patch } from '../../series/index.js';
import { patchCheck, type CheckHit } from './check.js';

/** `@@ -a[,b] +c[,d] @@`, the unified-diff hunk header (GNU diff, git-diff(1)); a missing count means 1. */
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/** Lines that may follow a finished hunk: another hunk or file, the `\ No newline` marker, the signature. */
const AFTER_HUNK = /^(?:@@ |diff |--- |\+\+\+ |Index: |\\ |-- ?$)|^$/;
const NEW_PATH = /^\+\+\+ (?:b\/)?(.+)$/;
const SIGNATURE = /^-- $/;

interface Hunk {
  oldLeft: number;
  newLeft: number;
  /** New-side number the next line would take; `newStart` is where the hunk began. */
  newLine: number;
  newStart: number;
}

/** State of the walk over the diff text: the current file and, inside a hunk, what its header still promises. */
interface Walk {
  file: string | undefined;
  hunk: Hunk | null;
  /** True right after a hunk's counts ran out: the next line must start something new. */
  justClosed: boolean;
  /** New-side number of the last line of the hunk just closed (a wrapped line's continuation belongs to it). */
  lastLine: number | undefined;
}

function readHeader(text: string): Hunk | null {
  const m = HUNK_HEADER.exec(text);
  if (!m) return null;
  return { oldLeft: Number(m[2] ?? '1'), newLeft: Number(m[4] ?? '1'), newLine: Number(m[3]), newStart: Number(m[3]) };
}

/** Consumes one hunk line; returns a problem when the line cannot belong to the hunk. */
function consume(hunk: Hunk, text: string): string | null {
  const marker = text === '' ? ' ' : text[0];
  if (marker === '\\') return null;
  if (marker !== ' ' && marker !== '+' && marker !== '-') {
    return 'patch seems to be corrupt (line wrapped?): a hunk line does not start with space, +, - or \\';
  }
  if (marker !== '+') hunk.oldLeft--;
  if (marker !== '-') {
    hunk.newLeft--;
    hunk.newLine++;
  }
  if (hunk.oldLeft < 0 || hunk.newLeft < 0) return 'patch seems to be corrupt: the hunk has more lines than its @@ header counts';
  return null;
}

/** Advances the walk by one line outside any hunk (or right after one); returns a problem if the line is stray. */
function step(walk: Walk, text: string): string | null {
  const wasClosed = walk.justClosed;
  walk.justClosed = false;
  const path = NEW_PATH.exec(text)?.[1]?.trimEnd();
  if (path !== undefined) walk.file = path;
  if (text.startsWith('@@')) {
    walk.hunk = readHeader(text);
    return walk.hunk ? null : 'patch seems to be corrupt: malformed @@ hunk header';
  }
  if (wasClosed && !AFTER_HUNK.test(text)) return 'patch seems to be corrupt (line wrapped?): stray line after a hunk';
  return null;
}

/** Walks the diff text as `git apply` reads it, reporting the first broken line of each hunk. */
export function findCorruption(patch: Pick<Patch, 'diffText' | 'diffBodyLine'>): CheckHit[] {
  const hits: CheckHit[] = [];
  const walk: Walk = { file: undefined, hunk: null, justClosed: false, lastLine: undefined };
  const lines = patch.diffText.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const [i, text] of lines.entries()) {
    // A broken line is most often the tail of the line above it (a mailer wrapped it): point at that line.
    const line = walk.hunk ? Math.max(walk.hunk.newLine - 1, walk.hunk.newStart) : walk.justClosed ? walk.lastLine : undefined;
    const where = { file: walk.file, line, bodyLine: patch.diffBodyLine + i };
    if (SIGNATURE.test(text) && walk.hunk === null) break;
    const problem = walk.hunk ? consume(walk.hunk, text) : step(walk, text);
    if (problem) {
      hits.push({ message: problem, where, excerpt: text });
      walk.hunk = null;
    } else if (walk.hunk && walk.hunk.oldLeft === 0 && walk.hunk.newLeft === 0) {
      walk.lastLine = walk.hunk.newLine - 1;
      walk.hunk = null;
      walk.justClosed = true;
    }
  }
  if (walk.hunk) {
    hits.push({ message: 'patch seems to be corrupt: the diff ends before the hunk has the lines its @@ header counts',
      where: { file: walk.file, line: walk.hunk.newLine, bodyLine: patch.diffBodyLine + lines.length - 1 } });
  }
  return hits;
}

export const corruptedPatch = patchCheck({
  id: 'corrupted-patch',
  severity: 'error',
  description: 'a hunk is damaged: counts that do not match its lines, or lines not starting with space, +, - or \\',
  run: findCorruption,
});
