// The linaro-mm-sig corpus against checkpatch.pl: each thread's patches as our parser reads them, the checkpatch
// findings expected.json records for the same patches (b4's output), and a way to place our findings on the lines
// of b4's mail file, where checkpatch counted them. Test support only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffArrays } from 'diff';
import { loadSeriesSet, type Patch, type PatchSeries } from '../../src/series/index.js';
import { sharedPath } from './shared.js';

export interface ExpectedFinding {
  level: 'ERROR' | 'WARNING' | 'CHECK';
  type: string;
  line: number;
  message: string;
}

interface ExpectedPatch {
  index: number;
  messageId: string;
  amSubject: string;
  message: string;
}

export interface CorpusPatch {
  thread: string;
  /** 1-based index in b4's output (expected.json). */
  index: number;
  patch: Patch;
  series: PatchSeries;
  expected: ExpectedFinding[];
  /** Line of b4's mail file that holds our body line n (checkpatch's numbering), or undefined. */
  fileLine(bodyLine: number): number | undefined;
  /** Lines in b4's mail file (it ends in a blank line): checkpatch's line for findings about the whole patch. */
  fileLines: number;
}

export const CORPUS_DIR = sharedPath('corpus', 'linaro-mm-sig', 'threads');

/**
 * Header lines b4 writes before the body: `From git@z`, Subject (folded to lines of at most 75 characters, as b4 writes it),
 * From, Date, Message-Id, MIME-Version, Content-Type, Content-Transfer-Encoding, then the blank line.
 */
function headerLines(amSubject: string): number {
  let lines = 1;
  let width = 'Subject:'.length;
  for (const word of amSubject.split(' ')) {
    if (width + 1 + word.length > 75 && width > 'Subject:'.length) {
      lines++;
      width = word.length + 1;
    } else width += 1 + word.length;
  }
  return 1 + lines + 6 + 1;
}

/** Our body lines → b4's body lines: b4's message (trailers it added included), then our text from `---` on. */
function bodyMap(patch: Patch, expected: ExpectedPatch): { map: Map<number, number>; b4Lines: number } {
  const ours = patch.body.replace(/\n$/, '').split('\n');
  const cut = ours.findIndex((l) => l === '---');
  const message = expected.message.replace(/\n+$/, '').split('\n');
  const b4 = [...message, ...(cut >= 0 ? ours.slice(cut) : [])];
  const map = new Map<number, number>();
  let a = 0;
  let b = 0;
  for (const part of diffArrays(ours, b4)) {
    const n = part.count ?? part.value.length;
    if (part.added) b += n;
    else if (part.removed) a += n;
    else {
      for (let i = 0; i < n; i++) map.set(a + i + 1, b + i + 1);
      a += n;
      b += n;
    }
  }
  return { map, b4Lines: b4.length };
}

export function corpusThreads(): string[] {
  return readdirSync(CORPUS_DIR).filter((t) => /^\d{3}$/.test(t)).sort();
}

/** The patches of one thread that b4 selected and our parser found too (matched by Message-ID). */
export async function corpusPatches(thread: string): Promise<{ patches: CorpusPatch[]; unmatched: number }> {
  const dir = join(CORPUS_DIR, thread);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    b4: { patches: ExpectedPatch[] };
    checkpatch: { index: number; findings: ExpectedFinding[] }[];
  };
  const set = await loadSeriesSet(join(dir, 'thread.mbox'));
  const byId = new Map<string, { patch: Patch; series: PatchSeries }>();
  for (const series of set.series) for (const patch of series.patches) byId.set(patch.messageId, { patch, series });
  const patches: CorpusPatch[] = [];
  let unmatched = 0;
  for (const e of expected.b4.patches) {
    const ours = byId.get(e.messageId);
    if (!ours) {
      unmatched++;
      continue;
    }
    const header = headerLines(e.amSubject);
    const { map, b4Lines } = bodyMap(ours.patch, e);
    patches.push({
      thread, index: e.index, ...ours,
      expected: expected.checkpatch.find((c) => c.index === e.index)?.findings ?? [],
      fileLine: (n) => { const at = map.get(n); return at === undefined ? undefined : header + at; },
      fileLines: header + b4Lines + 1,
    });
  }
  return { patches, unmatched };
}
