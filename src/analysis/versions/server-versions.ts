/**
 * Other versions of a series on a public-inbox server, found as b4 finds them (b4 mbox.get_extra_series):
 * one search for the series' `change-id:` and for its subject stem by the same author. We also search the
 * stem of patch 1, which survives a reworded cover letter (the bundled RFC's v2 renamed its cover, kept
 * its patch 1). A hit counts only when its subject stem is exactly one of ours (or it carries our
 * change-id): the search matches phrases inside longer subjects, and a false "newer version" misleads.
 */
import { readSearch, type RawMessage, type ReadInputOptions } from '../../ingest/index.js';
import { parseSubject, sameMailbox, type PatchSeries } from '../../series/index.js';

/** One version of the series the server holds: the message that opens it (cover, or patch 1). */
export interface KnownVersion {
  version: number;
  messageId: string;
  subject: string;
  date: string | null;
  /** Patches announced (`N/M`), or null for a single patch. */
  total: number | null;
}

/** What a series is recognised by across versions. */
export interface SeriesKeys {
  changeId: string | null;
  /** Summaries (no prefixes) of the cover and of patch 1. */
  stems: string[];
  authorEmail: string | null;
}

const CHANGE_ID = /^change-id:\s+(\S+)/im;

export function seriesKeys(series: PatchSeries): SeriesKeys {
  const first = series.patches.find((p) => p.index === 1) ?? null;
  const body = series.cover?.body ?? first?.body ?? '';
  const stems = [series.cover?.subjectInfo.summary, first?.subjectInfo.summary].filter((s): s is string => !!s && s.trim() !== '');
  return {
    changeId: CHANGE_ID.exec(body)?.[1] ?? null,
    stems: [...new Set(stems)],
    authorEmail: (series.cover?.author ?? first?.author)?.email ?? null,
  };
}

/** The public-inbox (Xapian) query for those keys, or null when there is nothing to search by. */
export function versionQuery(keys: SeriesKeys): string | null {
  const terms: string[] = [];
  if (keys.changeId) terms.push(`nq:"change-id: ${keys.changeId.replace(/"/g, '')}"`);
  if (keys.stems.length && keys.authorEmail) {
    const subjects = keys.stems.map((s) => `s:"${s.replace(/"/g, '')}"`).join(' OR ');
    terms.push(`((${subjects}) AND f:"${keys.authorEmail.replace(/"/g, '')}")`);
  }
  return terms.length ? terms.join(' OR ') : null;
}

/** The versions among search hits: one entry per version, its cover preferred over its patch 1. */
export function versionsFromMessages(messages: readonly RawMessage[], keys: SeriesKeys): KnownVersion[] {
  const best = new Map<number, { v: KnownVersion; isCover: boolean }>();
  for (const m of messages) {
    if (m.messageId === null) continue;
    const info = parseSubject(m.subject);
    // `[RFC v5 0/6]` has no PATCH word but is a series (b4 takes any prefixed subject): a counter is enough.
    if (info.isReply || info.counter === null || (info.counter !== 0 && info.counter !== 1)) continue;
    if (!isSameSeries(m, info.summary, keys)) continue;
    const isCover = info.counter === 0;
    const known = best.get(info.version);
    if (known && (known.isCover || !isCover)) continue;
    best.set(info.version, {
      v: { version: info.version, messageId: m.messageId, subject: m.subject, date: m.date, total: info.counterInferred ? null : info.total },
      isCover,
    });
  }
  return [...best.values()].map((b) => b.v).sort((a, b) => a.version - b.version);
}

function isSameSeries(m: RawMessage, summary: string, keys: SeriesKeys): boolean {
  if (keys.changeId && CHANGE_ID.exec(m.body)?.[1] === keys.changeId) return true;
  const sameAuthor = keys.authorEmail !== null && m.from !== null && sameMailbox(m.from.email, keys.authorEmail);
  return sameAuthor && keys.stems.includes(summary);
}

/** Ask `server` for the versions of `series` it holds (those we have included). */
export async function findServerVersions(series: PatchSeries, server: string, opts: ReadInputOptions = {}): Promise<KnownVersion[]> {
  const keys = seriesKeys(series);
  const query = versionQuery(keys);
  if (query === null) return [];
  const found = await readSearch(server, query, opts);
  return versionsFromMessages(found.messages, keys);
}

/** The versions newer than every one opened, newest last. */
export function newerThan(known: readonly KnownVersion[], opened: readonly PatchSeries[]): KnownVersion[] {
  const have = Math.max(0, ...opened.map((s) => s.version));
  return known.filter((k) => k.version > have);
}
