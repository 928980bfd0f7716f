/**
 * Questions to the index: which series match a query, and the messages of one series, read back
 * from the archives by their stored positions (the index keeps no bodies).
 */
import { access } from 'node:fs/promises';
import { isGzipFile, mboxRecords } from './archive-folder.js';
import type { ArchiveRecord } from './types.js';
import { describeFsError, decodeMessage, type IngestResult, type MessageOrigin } from '../ingest/index.js';
import { commitRecords } from './public-inbox.js';
import { InputError } from '../util/errors.js';
import { buildSeriesSet, type SeriesSet } from '../series/index.js';
import { originOf, positionText } from './record.js';
import type { Database, VersionRow } from './sqlite.js';

export interface FoundVersion {
  version: number;
  rfc: boolean;
  resend: boolean;
  title: string;
  /** The cover's Message-ID, or the first patch's. */
  messageId: string;
  date: string | null;
  total: number;
  /** Distinct patch numbers present (fewer than total for a partial reroll). */
  patches: number;
  partial: boolean;
}

export interface FoundSeries {
  /** Use as `series:ID`. */
  id: string;
  title: string;
  author: string | null;
  firstDate: string | null;
  versions: FoundVersion[];
}


/**
 * Series whose title (of any version), Message-ID or change-id matches: every word of the query
 * must occur (case-insensitive); an empty query lists all. Oldest series first; versions in order.
 */
export function findSeries(db: Database, query: string): FoundSeries[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const families = db.prepare<{ id: string }>('SELECT id FROM families').all();
  // An empty query lists every series.
  const ids = new Set<string>(words.length === 0 ? families.map((f) => f.id) : []);
  const byMessage = db.prepare<{ family_id: string }>(
    `SELECT DISTINCT v.family_id FROM messages m JOIN thread_members t ON t.message_id = m.id JOIN versions v ON v.thread = t.thread
     WHERE m.msgid = ?`,
  );
  const exact = query.trim().replace(/^<|>$/g, '');
  for (const r of byMessage.all(exact)) ids.add(r.family_id);
  const like = words.map(() => "(lower(v.title) LIKE ? ESCAPE '\\' OR lower(coalesce(v.change_id, '')) LIKE ? ESCAPE '\\')").join(' AND ');
  if (words.length > 0) {
    const params = words.flatMap((w) => [`%${escapeLike(w)}%`, `%${escapeLike(w)}%`]);
    for (const r of db.prepare<{ family_id: string }>(`SELECT DISTINCT v.family_id FROM versions v WHERE ${like}`).all(...params)) ids.add(r.family_id);
  }
  return [...ids].map((id) => describeFamily(db, id)).sort((a, b) => (a.firstDate ?? '').localeCompare(b.firstDate ?? '') || a.id.localeCompare(b.id));
}

const escapeLike = (w: string): string => w.replace(/[\\%_]/g, (c) => `\\${c}`);

function describeFamily(db: Database, id: string): FoundSeries {
  const f = db.prepare<{ title: string; author: string | null; first_date: string | null }>('SELECT title, author, first_date FROM families WHERE id = ?').get(id);
  const versions = db
    .prepare<VersionRow>('SELECT * FROM versions WHERE family_id = ? ORDER BY version, rfc DESC, date, first_msgid')
    .all(id)
    .map((v) => ({
      version: v.version,
      rfc: v.rfc === 1,
      resend: v.resend === 1,
      title: v.title,
      messageId: v.first_msgid,
      date: v.date,
      total: v.total,
      patches: v.patches,
      partial: v.partial === 1,
    }));
  return { id, title: f?.title ?? '', author: f?.author ?? null, firstDate: f?.first_date ?? null, versions };
}

interface MemberRow {
  path: string;
  kind: string;
  mboxrd: number;
  position: string;
}

/**
 * The messages of every thread of one series (all its versions and their replies), read again
 * from the archives, one IngestResult per source. A message that no longer reads back (the
 * archive changed since indexing) is a skipped message naming its position.
 */
export async function readSeriesMessages(db: Database, id: string): Promise<IngestResult[]> {
  const rows = db
    .prepare<MemberRow>(
      `SELECT s.path, s.kind, s.mboxrd, m.position FROM versions v JOIN thread_members t ON t.thread = v.thread
       JOIN messages m ON m.id = t.message_id JOIN sources s ON s.id = m.source_id WHERE v.family_id = ?
       GROUP BY m.id ORDER BY s.id, m.id`,
    )
    .all(id);
  if (rows.length === 0) throw new InputError({ source: `series:${id}` }, 'no such series in the index (run `patchscope index` first)');
  const bySource = new Map<string, MemberRow[]>();
  for (const r of rows) {
    const list = bySource.get(r.path);
    if (list) list.push(r);
    else bySource.set(r.path, [r]);
  }
  const results: IngestResult[] = [];
  for (const [path, members] of bySource) results.push(await readMembers(path, members));
  return results;
}

async function readMembers(path: string, members: MemberRow[]): Promise<IngestResult> {
  if (members[0]!.kind !== 'epoch') {
    try {
      await access(path);
    } catch (e) {
      throw new InputError({ source: path }, `${describeFsError(e)} (indexed earlier; run \`patchscope index\` again)`);
    }
  }
  const result: IngestResult = { source: path, messages: [], skipped: [] };
  const wanted = new Set(members.map((m) => m.position));
  const kind = members[0]!.kind;
  const records = kind === 'epoch' ? commitRecords(path, members.map((m) => m.position)) : mboxMembers(path, members);
  for await (const record of records) {
    const position = positionText(record.position);
    if (!wanted.delete(position)) continue;
    const origin = originOf(record.position, result.messages.length + result.skipped.length + 1);
    if (record.kind === 'damaged') result.skipped.push({ origin, messageId: null, reason: record.reason });
    else await decodeInto(result, record.bytes, origin);
  }
  for (const position of wanted) {
    result.skipped.push({ origin: { source: path, index: 0, offset: null }, messageId: null, reason: `no message at ${position} any more` });
  }
  return result;
}

async function decodeInto(result: IngestResult, bytes: Uint8Array, origin: MessageOrigin): Promise<void> {
  try {
    result.messages.push(await decodeMessage(bytes, origin));
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    result.skipped.push({ origin, messageId: null, reason: e.problem });
  }
}

/** Plain mbox: one short read per message from its offset. A gzip has to be read through, once. */
async function* mboxMembers(path: string, members: MemberRow[]): AsyncGenerator<ArchiveRecord> {
  const mboxrd = members[0]!.mboxrd === 1;
  if (await isGzipFile(path)) {
    yield* mboxRecords(path, 0, mboxrd);
    return;
  }
  for (const m of members) {
    for await (const record of mboxRecords(path, Number(m.position), mboxrd)) {
      if (positionText(record.position) === m.position) {
        yield record;
        break;
      }
      if (record.position.kind === 'offset' && record.position.offset > Number(m.position)) break;
    }
  }
}

/** One series from the index as a SeriesSet, the shape every command works on (INPUT `series:ID`). */
export async function loadSeriesById(db: Database, id: string): Promise<SeriesSet> {
  return buildSeriesSet(await readSeriesMessages(db, id));
}
