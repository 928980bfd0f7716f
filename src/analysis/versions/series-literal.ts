import { parsePatch } from 'diff';
import { mergeTrailers, numberLines, replyTrailers } from '../../series/index.js';
import type {
  DiffFile, Patch, PatchSeries, Person, Reply, SubjectInfo, Trailer, TrailerOrigin,
} from '../../series/index.js';

/**
 * Builds a PatchSeries from a few literal fields, for tests and examples of the stages after
 * src/series (range-diff, reports, am output) that must not wait on the mail parser. It fills
 * the contract's fields the way the parser would for a well-formed git format-patch series.
 */
export interface PatchLiteral {
  subject: string;
  author?: Person;
  /** Commit message body after the subject line, with its trailers. */
  message: string;
  diff: string;
  date?: string;
  replies?: ReplyLiteral[];
}

export interface ReplyLiteral {
  from: Person;
  text: string;
  /** 1-based index into the patch's replies this one answers; omitted = the patch itself. */
  parent?: number;
}

export interface SeriesLiteral {
  title: string;
  version?: number;
  rfc?: boolean;
  patches: PatchLiteral[];
  coverReplies?: ReplyLiteral[];
  coverBody?: string;
}

const TRAILER_LINE = /^([A-Za-z][A-Za-z0-9-]*):\s+(\S.*)$/;
const PERSON = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>\s*$/;
const DEFAULT_AUTHOR: Person = { name: 'Ann Author', email: 'ann@example.org' };

function subjectInfo(summary: string, version: number, rfc: boolean, counter: number | null, total: number | null): SubjectInfo {
  const prefixes = ['PATCH', ...(rfc ? ['RFC'] : [])];
  const raw = `[${[...prefixes, ...(version > 1 ? [`v${version}`] : []), ...(counter === null ? [] : [`${counter}/${total}`])].join(' ')}] ${summary}`;
  return {
    raw, summary, isReply: false, prefixes, isPatch: true, rfc, resend: false, version,
    versionInferred: version === 1, counter, total, counterInferred: counter === null,
  };
}

function parsePerson(value: string): Person | null {
  const m = PERSON.exec(value);
  return m ? { name: m[1]!.replace(/^"|"$/g, ''), email: m[2]! } : null;
}

/** Trailers of the last paragraph of `text`, attributed to `from`. */
export function literalTrailers(text: string, from: string, origin: TrailerOrigin, firstLine = 1): Trailer[] {
  const lines = text.replace(/\n+$/, '').split('\n');
  let start = lines.length;
  while (start > 0 && TRAILER_LINE.test(lines[start - 1]!)) start--;
  return lines.slice(start).map((line, i) => {
    const m = TRAILER_LINE.exec(line)!;
    return { key: m[1]!, value: m[2]!, from, origin, person: parsePerson(m[2]!), line: firstLine + start + i };
  });
}

function diffFiles(diff: string): DiffFile[] {
  return parsePatch(diff).map((p) => {
    const path = (p.newFileName ?? p.oldFileName ?? '').replace(/^[ab]\//, '');
    const lines = p.hunks.flatMap((h) => h.lines);
    return {
      path, oldPath: path, newPath: path, status: 'modified', binary: false, oldMode: null, newMode: null,
      similarity: null, added: lines.filter((l) => l.startsWith('+')).length,
      removed: lines.filter((l) => l.startsWith('-')).length, hunks: [], bodyLine: 0,
    };
  });
}

function buildReplies(replies: ReplyLiteral[], parentId: string, subject: string, idBase: string): Reply[] {
  const ids = replies.map((_, i) => `${idBase}-r${i + 1}@example.org`);
  return replies.map((r, i) => {
    // The series stage's own follow-up rules decide what the reply gives (one rule, whoever builds the series).
    const { accepted, ignored } = replyTrailers(numberLines(r.text), ids[i]!, { sender: r.from, hasDiff: false });
    const reply: Reply = {
      messageId: ids[i]!, subject: `Re: ${subject}`, author: r.from, date: null,
      parentId: r.parent === undefined ? parentId : ids[r.parent - 1]!,
      depth: r.parent === undefined ? 1 : 2, newText: r.text, quoted: [],
      trailers: accepted,
      origin: { source: 'literal', index: i, offset: null },
    };
    if (ignored.length) reply.ignoredTrailers = ignored;
    return reply;
  });
}

function buildPatch(lit: PatchLiteral, index: number, series: SeriesLiteral, idBase: string): Patch {
  const version = series.version ?? 1;
  const total = series.patches.length;
  const info = subjectInfo(lit.subject, version, series.rfc ?? false, index, total);
  const messageId = `${idBase}-${index}@example.org`;
  const commitMessage = `${lit.message.replace(/\n+$/, '')}\n`;
  const body = `${commitMessage}---\n${lit.diff}`;
  const replies = buildReplies(lit.replies ?? [], messageId, info.raw, `${idBase}-${index}`);
  const own = literalTrailers(commitMessage, messageId, 'patch');
  return {
    index, subject: lit.subject, rawSubject: info.raw, subjectInfo: info, author: lit.author ?? DEFAULT_AUTHOR,
    date: lit.date ?? `2026-02-18T01:11:${String(30 + index).padStart(2, '0')}Z`, messageId, commitMessage, body,
    trailers: mergeTrailers(own, replies.flatMap((r) => r.trailers)), files: diffFiles(lit.diff), diffstat: null,
    diffstatMismatches: [], diffText: lit.diff, diffBodyLine: commitMessage.split('\n').length + 1, replies,
    origin: { source: 'literal', index: index + 1, offset: null },
  };
}

/** A series as the parser would give it for `lit`; Message-IDs are derived from the title so they are stable. */
export function seriesFromLiteral(lit: SeriesLiteral): PatchSeries {
  const version = lit.version ?? 1;
  const idBase = `${lit.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-v${version}`;
  const coverId = `${idBase}-0@example.org`;
  const info = subjectInfo(lit.title, version, lit.rfc ?? false, 0, lit.patches.length);
  const coverReplies = buildReplies(lit.coverReplies ?? [], coverId, info.raw, `${idBase}-0`);
  const coverTrailers = mergeTrailers([], coverReplies.flatMap((r) => r.trailers));
  return {
    id: coverId, title: lit.title, version, rfc: lit.rfc ?? false, resend: false, total: lit.patches.length,
    cover: {
      subject: lit.title, rawSubject: info.raw, subjectInfo: info, author: DEFAULT_AUTHOR, date: '2026-02-18T01:11:30Z',
      messageId: coverId, body: lit.coverBody ?? `${lit.title}.\n`, trailers: coverTrailers, baseCommit: null,
      replies: coverReplies, origin: { source: 'literal', index: 1, offset: null },
    },
    patches: lit.patches.map((p, i) => buildPatch(p, i + 1, lit, idBase)),
    missing: [], duplicates: [], rootId: coverId, coverTrailers,
  };
}
