/**
 * Builds a PatchSeries from diff texts and metadata, without mail. The analysis stage needs this
 * for series that never were mail (tests, `git format-patch`-less callers); mail goes through
 * src/series. Diffs are parsed by the series stage's own parser.
 */
import { parseDiff } from '../../series/index.js';
import type { Patch, PatchSeries, Person, SubjectInfo } from '../../series/index.js';

export interface PatchSpec {
  subject: string;
  diffText: string;
  author?: Person;
  date?: string;
  message?: string;
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
    trailers: [], files: parseDiff(spec.diffText, 1).files, diffstat: null, diffstatMismatches: [],
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
