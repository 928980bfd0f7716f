import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describeShared, sharedPath } from '../../test/support/shared.js';
import { readInput } from '../ingest/index.js';
import { classify } from './classify.js';
import { splitPatchBody, isPatchBreak } from './split.js';
import { parseDiff, type ParsedDiff } from './diff.js';

/**
 * splitPatchBody takes its texts as slices of the body instead of joining line arrays (a copy of every diff was
 * kept per patch), and reads only the lines its scans reach instead of splitting the whole body (issue 18). This is
 * the line-join definition it replaced, kept as the reference it must equal.
 */
function reference(body: string, scissors: boolean) {
  const lines = body.split('\n');
  const isDiffStart = (i: number): boolean => {
    const line = lines[i] as string;
    if (line.startsWith('diff -') || line.startsWith('Index: ')) return true;
    return /^--- \S/.test(line) && (lines[i + 1] ?? '').startsWith('+++ ');
  };
  const signatureStart = (from: number): number => {
    for (let i = lines.length - 1; i >= from; i--) {
      if (lines[i] === '-- ' || lines[i] === '--') return i;
      const l = lines[i] as string;
      if (/^(?:@@ |diff -|[+ -])/.test(l) && l !== '') return lines.length;
    }
    return lines.length;
  };
  const strip = (t: string) => {
    let end = t.length;
    while (end > 0 && t[end - 1] === '\n') end--;
    return t.slice(0, end);
  };
  let msgStart = 0;
  let breakAt = lines.length;
  for (let i = 0; i < lines.length; i++) {
    if (isPatchBreak(lines[i] as string)) {
      breakAt = i;
      break;
    }
    if (scissors && /^\s*-+\s*(?:>8|8<|>%|%<)\s*-+/.test(lines[i] as string)) msgStart = i + 1;
  }
  let diffAt = -1;
  for (let i = breakAt; i < lines.length; i++) if (isDiffStart(i)) { diffAt = i; break; }
  const sig = diffAt >= 0 ? signatureStart(diffAt) : lines.length;
  const notesEnd = diffAt >= 0 ? diffAt : signatureStart(breakAt);
  return {
    commitMessage: lines.slice(msgStart, breakAt).join('\n'),
    commitBodyLine: msgStart + 1,
    patchSection: breakAt < lines.length ? lines.slice(breakAt).join('\n') : '',
    breakBodyLine: breakAt < lines.length ? breakAt + 1 : null,
    notes: breakAt < lines.length && lines[breakAt]?.startsWith('---') && diffAt !== breakAt ? lines.slice(breakAt + 1, notesEnd).join('\n') : '',
    diffText: diffAt >= 0 ? `${strip(lines.slice(diffAt, sig).join('\n'))}\n` : '',
    diffBodyLine: diffAt >= 0 ? diffAt + 1 : null,
  };
}

const DIFF = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,2 +1,2 @@', ' a', '-b', '+c'];

describe('splitPatchBody slices equal the line-join definition', () => {
  const cases: Record<string, string> = {
    'diff then signature': ['msg', '', '---', ' f | 2 +-', '', ...DIFF, '-- ', '2.45.0', ''].join('\n'),
    'diff ending the body without a newline': ['msg', '---', ...DIFF].join('\n'),
    'diff followed by blank lines only': ['msg', '---', ...DIFF, '', '', ''].join('\n'),
    'diff, blank lines, signature, no final newline': ['msg', '---', ...DIFF, '', '', '--', 'x'].join('\n'),
    'no patch at all': 'just a message\n\nSigned-off-by: A <a@b>\n',
    'break but no diff, signature after notes': ['msg', '---', 'notes', '', '-- ', 'sig'].join('\n'),
    'diff right at the break': ['msg', ...DIFF, ''].join('\n'),
    'scissors': ['junk', '-- >8 --', 'real msg', '---', ...DIFF, ''].join('\n'),
    'CRLF lines': ['msg\r', '---\r', ...DIFF.map((l) => `${l}\r`), ''].join('\n'),
    'empty body': '',
    'only newlines': '\n\n\n',
    'a newline first': '\n---\n' + DIFF.join('\n'),
    'scissors on the last line': 'junk\n-- >8 --',
    'signature as the first line': '-- \nsig',
    'break on the last line': 'msg\n---',
    '--- x on the last line': 'msg\n--- a/f',
    '+++ on the line after a short --- x': 'msg\n--- a/f\n+++',
  };
  for (const [name, body] of Object.entries(cases)) {
    it(name, () => {
      expect(splitPatchBody(body)).toEqual(reference(body, false));
      expect(splitPatchBody(body, { scissors: true })).toEqual(reference(body, true));
    });
  }

  it('keeps the diff text that ends the body without a newline, adding the one newline', () => {
    const split = splitPatchBody(['msg', '---', ...DIFF].join('\n'));
    expect(split.diffText).toBe(`${DIFF.join('\n')}\n`);
    expect(split.commitMessage).toBe('msg');
  });

  it('any body built from patch-like lines', () => {
    const line = fc.constantFrom('', 'msg', '---', '--- ', '--- a/f', '+++ b/f', 'diff --git a/f b/f', 'Index: f', '@@ -1 +1 @@', ' x', '+y', '-z', '-- ', '--', '2.45', '-- >8 --', '\\ No newline at end of file', '\r');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (ls, scissors) => {
        const body = ls.join('\n');
        expect(splitPatchBody(body, { scissors })).toEqual(reference(body, scissors));
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

/** Every message of the real corpus, classified, named by its thread and Message-ID. */
async function* corpusMessages(): AsyncGenerator<{ name: string; body: string; patchBody: string }> {
  const dir = sharedPath('corpus', 'linaro-mm-sig', 'threads');
  for (const t of readdirSync(dir).sort()) {
    for (const m of (await readInput(join(dir, t, 'thread.mbox'), { mboxrd: true })).messages) {
      yield { name: `${t} ${m.messageId}`, body: m.body, patchBody: classify(m.messageId ?? '', m).patchBody };
    }
  }
}

describeShared('splitPatchBody on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('should equal the line-join definition on every message body and patch body', async () => {
    let diffs = 0;
    for await (const m of corpusMessages()) {
      for (const body of new Set([m.body, m.patchBody])) {
        const split = splitPatchBody(body);
        if (split.diffText !== '') diffs++;
        expect(split, m.name).toEqual(reference(body, false));
        expect(splitPatchBody(body, { scissors: true }), m.name).toEqual(reference(body, true));
      }
    }
    expect(diffs).toBeGreaterThan(500);
  });
});

describe('parseDiff hunks', () => {
  it('counts added and removed lines per file and keeps the hunk fields in their order', () => {
    const text = ['diff --git a/f b/f', '--- a/f', '+++ b/f', '@@ -1,3 +1,3 @@ fn', ' a', '-b', '+c', '+d', '-e', '\\ No newline at end of file', ''].join('\n');
    const { files, error } = parseDiff(text, 10);
    expect(error).toBeNull();
    expect(files[0]?.added).toBe(2);
    expect(files[0]?.removed).toBe(2);
    const hunk = files[0]?.hunks[0];
    expect(Object.keys(hunk ?? {})).toEqual(['oldStart', 'oldLines', 'newStart', 'newLines', 'lines', 'section', 'header', 'bodyLine']);
    expect(hunk?.section).toBe('fn');
    expect(hunk?.lines.map((l) => [l.kind, l.text, l.oldLine, l.newLine, l.bodyLine])).toEqual([
      ['context', 'a', 1, 1, 14],
      ['remove', 'b', 2, null, 15],
      ['add', 'c', null, 2, 16],
      ['add', 'd', null, 3, 17],
      ['remove', 'e', 3, null, 18],
      ['no-newline', '\\ No newline at end of file', null, null, 19],
    ]);
  });
});

/**
 * Where parseDiff places files and hunks, as it found them on `diffText.split('\n')` before it read lines by offset
 * (issue 18): file header and hunk header lines (hunk bodies skipped by their counts) and each file's similarity.
 */
function placesReference(diffText: string): { files: number[]; hunks: number[]; similarity: (fi: number) => number | null } {
  const lines = diffText.split('\n');
  const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;
  const files: number[] = [];
  const hunks: number[] = [];
  let inFileHeader = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = HUNK.exec(line);
    if (h) {
      hunks.push(i);
      let [oldCount, newCount] = [Number(h[2] ?? 1), Number(h[4] ?? 1)];
      while ((oldCount > 0 || newCount > 0) && i + 1 < lines.length) {
        const c = (lines[++i] as string)[0];
        if (c === '+') newCount--;
        else if (c === '-') oldCount--;
        else if (c !== '\\') {
          oldCount--;
          newCount--;
        }
      }
      while ((lines[i + 1] ?? '').startsWith('\\')) i++;
      inFileHeader = false;
    } else if (/^(?:diff -|Index: )/.test(line) || (!inFileHeader && line.startsWith('--- ') && (lines[i + 1] ?? '').startsWith('+++ '))) {
      files.push(i);
      inFileHeader = true;
    }
  }
  // As parseDiff spans jsdiff's file fi: from header fi (or line 0) to the next header (or the end).
  const similarity = (fi: number): number | null => {
    for (let i = files[fi] ?? 0; i < (files[fi + 1] ?? lines.length) && i < lines.length; i++) {
      const m = /^(?:similarity|dissimilarity) index (\d+)%$/.exec(lines[i] as string);
      if (m) return Number(m[1]);
    }
    return null;
  };
  return { files, hunks, similarity };
}

/** parseDiff's places against the reference's, for a diff starting at body line 1. */
function expectPlaces(diffText: string, d: ParsedDiff, label: string): void {
  if (d.error !== null) return;
  const ref = placesReference(diffText);
  const lines = diffText.split('\n');
  expect(d.files.map((f) => f.bodyLine), label).toEqual(d.files.map((_, fi) => 1 + (ref.files[fi] ?? 0)));
  expect(d.files.map((f) => f.similarity), label).toEqual(d.files.map((_, fi) => ref.similarity(fi)));
  const hunks = d.files.flatMap((f) => f.hunks);
  expect(hunks.map((h) => [h.bodyLine, h.header]), label).toEqual(hunks.map((_, k) => [1 + (ref.hunks[k] ?? 0), lines[ref.hunks[k] ?? 0] ?? '']));
}

describe('parseDiff places files and hunks as on split lines', () => {
  it('any diff built from patch-like lines', () => {
    const line = fc.constantFrom('', 'diff --git a/f b/f', 'diff -r x', 'Index: f', '--- a/f', '+++ b/f', '@@ -1 +1 @@', '@@ -1,2 +1,2 @@ fn', ' x', '+y', '-z', '\\ No newline', 'similarity index 90%', 'dissimilarity index 5%', 'd', 's', '\r', 'rename from a');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (ls) => {
        const text = ls.join('\n');
        if (text.trim() !== '') expectPlaces(text, parseDiff(text, 1), JSON.stringify(text));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describeShared('parseDiff on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it('should place every file and hunk of every corpus patch as on split lines', async () => {
    let hunks = 0;
    for await (const m of corpusMessages()) {
      const { diffText } = splitPatchBody(m.patchBody);
      if (diffText === '') continue;
      const d = parseDiff(diffText, 1);
      expectPlaces(diffText, d, m.name);
      hunks += d.files.reduce((n, f) => n + f.hunks.length, 0);
    }
    expect(hunks).toBeGreaterThan(1000);
  });
});
