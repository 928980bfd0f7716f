/**
 * Builds a PatchSeries from diff texts and metadata, without mail. The analysis stage needs this
 * for series that never were mail (tests, `git format-patch`-less callers); mail goes through
 * src/series. Diffs are parsed by jsdiff, as the series stage does.
 */
import { parsePatch, type StructuredPatch } from 'diff';
import type { DiffFile, Hunk, HunkLine, Patch, PatchSeries, Person, SubjectInfo } from '../../series/types.js';

export interface PatchSpec {
  subject: string;
  diffText: string;
  author?: Person;
  date?: string;
  message?: string;
}

const KIND: Record<string, HunkLine['kind']> = { ' ': 'context', '+': 'add', '-': 'remove', '\\': 'no-newline' };

function hunkOf(h: StructuredPatch['hunks'][number], section: string): Hunk {
  let oldLine = h.oldStart;
  let newLine = h.newStart;
  const lines = h.lines.map((raw): HunkLine => {
    const kind = KIND[raw[0] ?? ' '] ?? 'context';
    const line: HunkLine = { kind, text: raw.slice(1), oldLine: null, newLine: null, bodyLine: 0 };
    if (kind === 'context' || kind === 'remove') line.oldLine = oldLine++;
    if (kind === 'context' || kind === 'add') line.newLine = newLine++;
    return line;
  });
  const header = `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@${section ? ` ${section}` : ''}`;
  return { oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, section, header, bodyLine: 0, lines };
}

function stripAB(name: string | undefined): string | null {
  if (!name || name === '/dev/null') return null;
  return name.replace(/^[ab]\//, '');
}

function fileOf(p: StructuredPatch, sections: string[]): DiffFile {
  const oldPath = stripAB(p.oldFileName);
  const newPath = stripAB(p.newFileName);
  const hunks = p.hunks.map((h) => hunkOf(h, sections.shift() ?? ''));
  const count = (k: HunkLine['kind']): number => hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === k).length, 0);
  const status = p.isCreate || oldPath === null ? 'added' : p.isDelete || newPath === null ? 'deleted' : p.isRename ? 'renamed' : 'modified';
  return {
    path: newPath ?? oldPath ?? '', oldPath, newPath, status, binary: p.isBinary === true,
    oldMode: p.oldMode ?? null, newMode: p.newMode ?? null, similarity: null,
    added: count('add'), removed: count('remove'), hunks, bodyLine: 0,
  };
}

/** Parses a git diff into DiffFiles (with the `@@ … @@ section` text jsdiff drops). */
export function diffFilesOf(diffText: string): DiffFile[] {
  const sections = [...diffText.matchAll(/^@@ [^@]+ @@ ?(.*)$/gm)].map((m) => m[1] ?? '');
  return parsePatch(diffText).map((p) => fileOf(p, sections));
}

function subjectInfo(subject: string, index: number, total: number): SubjectInfo {
  return {
    raw: subject, summary: subject, isReply: false, prefixes: ['PATCH'], isPatch: true, rfc: false, resend: false,
    version: 1, versionInferred: true, counter: index, total, counterInferred: false,
  };
}

export function patchOf(spec: PatchSpec, index: number, total: number): Patch {
  const origin = { source: 'generated', index, offset: null };
  return {
    index, subject: spec.subject, rawSubject: spec.subject, subjectInfo: subjectInfo(spec.subject, index, total),
    author: spec.author ?? { name: 'Test Author', email: 'author@example.org' }, date: spec.date ?? null,
    messageId: `${index}@generated`, commitMessage: spec.message ?? '', body: spec.diffText,
    trailers: [], files: diffFilesOf(spec.diffText), diffstat: null, diffstatMismatches: [],
    diffText: spec.diffText, diffBodyLine: 1, replies: [], origin,
  };
}

/** A series of the given patches, numbered 1..n in order. */
export function seriesOfDiffs(title: string, specs: readonly PatchSpec[]): PatchSeries {
  const patches = specs.map((s, i) => patchOf(s, i + 1, specs.length));
  return {
    id: 'generated', title, version: 1, rfc: false, resend: false, total: specs.length, cover: null,
    patches, missing: [], duplicates: [], rootId: 'generated',
  };
}
