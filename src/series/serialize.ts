import type { Cover, Patch, PatchSeries, Person, Reply, SeriesSet } from './types.js';
import { localIsoDate } from '../ingest/index.js';

/** The `show --json` contract, schema 1. Fields may be added; none may change meaning or disappear. */
export interface ShowJson {
  schema: 1;
  messages: number;
  series: ShowSeries[];
  unthreaded: string[];
  /** Added: messages that could not be decoded, with ingest's reason. */
  skipped: { source: string; index: number; messageId: string | null; reason: string }[];
  /** Added: what threading had to decide (duplicate Message-IDs, synthesised ids, cycles). */
  notes: string[];
}

export interface ShowPerson {
  name: string;
  email: string;
}

/**
 * Added to every dated entry: the same instant in the sender's own zone, ISO 8601 with offset
 * (`2019-08-06T17:01:27+02:00`), as `git am` keeps it; null when there is no date. `date` stays UTC.
 */
export interface ShowLocalDate {
  dateLocal: string | null;
}

export interface ShowReply extends ShowLocalDate {
  author: ShowPerson | null;
  date: string | null;
  messageId: string;
  newText: string;
  /** Added: depth below the patch or cover, and the message answered. */
  depth: number;
  parentId: string | null;
}

export interface ShowTrailer {
  key: string;
  value: string;
  from: string;
}

export interface ShowCover extends ShowLocalDate {
  subject: string;
  author: ShowPerson | null;
  date: string | null;
  messageId: string;
  replies: ShowReply[];
  /** Added. */
  trailers: ShowTrailer[];
  baseCommit: string | null;
}

export interface ShowPatch extends ShowLocalDate {
  index: number;
  subject: string;
  rawSubject: string;
  author: ShowPerson | null;
  date: string | null;
  messageId: string;
  trailers: ShowTrailer[];
  files: { path: string; added: number; removed: number }[];
  replies: ShowReply[];
  /** Added: present only when the diff could not be parsed. */
  diffError?: string;
}

export interface ShowSeries {
  version: number;
  rfc: boolean;
  total: number;
  cover: ShowCover | null;
  patches: ShowPatch[];
  missing: number[];
  /** Added. */
  title: string;
  duplicates: { index: number; messageId: string }[];
  partialReroll?: { from: number; standIns: { index: number; messageId: string }[] };
  /** Added: trailers given in replies to the cover letter, for the whole series (`am -t` puts them on every patch). */
  seriesTrailers: ShowTrailer[];
}

function person(p: Person | null): ShowPerson | null {
  return p ? { name: p.name, email: p.email } : null;
}

function dateLocal(m: { date: string | null; dateWritten?: string }): string | null {
  return m.date === null ? null : localIsoDate(m.dateWritten ?? null) ?? m.date;
}

function reply(r: Reply): ShowReply {
  return { author: person(r.author), date: r.date, dateLocal: dateLocal(r), messageId: r.messageId, newText: r.newText, depth: r.depth, parentId: r.parentId };
}

function trailers(list: Patch['trailers']): ShowTrailer[] {
  return list.map((t) => ({ key: t.key, value: t.value, from: t.from }));
}

function cover(c: Cover): ShowCover {
  return {
    subject: c.subject, author: person(c.author), date: c.date, dateLocal: dateLocal(c), messageId: c.messageId,
    replies: c.replies.map(reply), trailers: trailers(c.trailers), baseCommit: c.baseCommit,
  };
}

function patch(p: Patch): ShowPatch {
  const out: ShowPatch = {
    index: p.index, subject: p.subject, rawSubject: p.rawSubject, author: person(p.author), date: p.date, dateLocal: dateLocal(p),
    messageId: p.messageId, trailers: trailers(p.trailers),
    files: p.files.map((f) => ({ path: f.path, added: f.added, removed: f.removed })),
    replies: p.replies.map(reply),
  };
  if (p.diffError !== undefined) out.diffError = p.diffError;
  return out;
}

/** One series as the `show --json` contract writes it (an entry of `series`). */
export function toShowSeries(s: PatchSeries): ShowSeries {
  const out: ShowSeries = {
    version: s.version, rfc: s.rfc, total: s.total, cover: s.cover ? cover(s.cover) : null,
    patches: s.patches.map(patch), missing: s.missing, title: s.title, duplicates: s.duplicates,
    seriesTrailers: trailers(s.coverTrailers ?? []),
  };
  if (s.partialReroll) out.partialReroll = s.partialReroll;
  return out;
}

/** The SeriesSet as the `show --json` contract writes it. `date` is ISO 8601 UTC, `dateLocal` the sender's zone. */
export function toShowJson(set: SeriesSet): ShowJson {
  return {
    schema: 1,
    messages: set.messages,
    series: set.series.map(toShowSeries),
    unthreaded: set.unthreaded,
    skipped: set.skipped.map((s) => ({ source: s.origin.source, index: s.origin.index, messageId: s.messageId, reason: s.reason })),
    notes: set.notes,
  };
}
