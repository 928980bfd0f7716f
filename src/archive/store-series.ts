/**
 * Regroups the whole index after new messages arrived and replaces the series tables in one
 * transaction: readers (and a run killed half-way) see either the old grouping or the new one.
 */
import type { Database, Statement, VersionRow } from './sqlite.js';
import { threadComponents } from './components.js';
import { groupConversation, linkFamilies, type LinkedVersion, type StoredMessage, type VersionFacts } from './link-versions.js';

const ROW_COLUMNS = `m.id AS rowid, s.path AS source, m.msgid, m.in_reply_to AS inReplyTo, m.refs, m.subject,
  m.from_name AS fromName, m.from_email AS fromEmail, m.date, m.kind, m.has_diff AS hasDiff, m.has_diffstat AS hasDiffstat,
  m.change_id AS changeId`;
/** SQLite's default limit on bound parameters is 999 (older builds); stay under it. */
const CHUNK = 500;

export interface GroupCounts {
  families: number;
  versions: number;
  messages: number;
}

/** The rows of some messages, in row-id order, fetched in chunks by id. */
function rowLoader(db: Database): (ids: number[]) => StoredMessage[] {
  const statements = new Map<number, Statement<StoredMessage>>();
  const statement = (n: number): Statement<StoredMessage> => {
    let st = statements.get(n);
    if (!st) {
      const marks = Array.from({ length: n }, () => '?').join(',');
      st = db.prepare<StoredMessage>(`SELECT ${ROW_COLUMNS} FROM messages m JOIN sources s ON s.id = m.source_id WHERE m.id IN (${marks}) ORDER BY m.id`);
      statements.set(n, st);
    }
    return st;
  };
  return (ids) => {
    const out: StoredMessage[] = [];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      // Padded with its last id (IN ignores repeats), so that one prepared statement serves every chunk: a
      // statement per chunk length cost more than the queries on the real archive (issue 18).
      while (chunk.length < CHUNK) chunk.push(chunk[chunk.length - 1]!);
      out.push(...statement(CHUNK).all(...chunk));
    }
    return out.sort((a, b) => a.rowid - b.rowid);
  };
}

const THROUGH = 'grouped_through';

/**
 * The rows of each conversation, in row-id order. Most conversations are a few messages, so
 * several are fetched by one query (one statement per conversation cost more than the grouping).
 */
function* conversations(db: Database, components: number[][]): Generator<StoredMessage[]> {
  const load = rowLoader(db);
  let pending: number[][] = [];
  let size = 0;
  function* flush(): Generator<StoredMessage[]> {
    const byId = new Map(load(pending.flat()).map((r) => [r.rowid, r]));
    for (const ids of pending) yield ids.map((id) => byId.get(id)).filter((r): r is StoredMessage => r !== undefined);
    pending = [];
    size = 0;
  }
  for (const ids of components) {
    pending.push(ids);
    size += ids.length;
    if (size >= CHUNK) yield* flush();
  }
  if (pending.length) yield* flush();
}

/** The last message row grouped into series (0: none, or all must be grouped again). */
export function groupedThrough(db: Database): number {
  return Number(db.prepare<{ value: string }>('SELECT value FROM meta WHERE key = ?').get(THROUGH)?.value ?? 0);
}

/**
 * Regroup after new rows: only the conversations that hold a row added since the last grouping
 * are grouped again; the versions of all others are kept as stored. Grouping a conversation
 * depends on its rows alone and families are linked again over all versions, so the result
 * equals a full regrouping (which dropping a source's rows forces by clearing the mark).
 */
export function regroupIndex(db: Database): GroupCounts {
  const through = groupedThrough(db);
  const { withPatches, messages, lastRow } = threadComponents(db);
  const full = through === 0;
  const touched = full ? withPatches : withPatches.filter((ids) => ids[ids.length - 1]! > through);
  const staleThreads = full ? new Set<number>() : threadsOf(db, touched.flat());
  const stored = full ? [] : db.prepare<VersionRow>('SELECT * FROM versions').all();
  const kept = stored.filter((v) => !staleThreads.has(v.thread)).map(factsOf);
  const facts: VersionFacts[] = kept;
  for (const rows of conversations(db, touched)) facts.push(...groupConversation(rows));
  const versions = linkFamilies(facts);
  db.transaction(() => {
    db.exec('DELETE FROM families; DELETE FROM versions;');
    writeVersions(db, versions);
    if (full) db.exec('DELETE FROM thread_members;');
    const drop = db.prepare('DELETE FROM thread_members WHERE thread = ?');
    for (const t of staleThreads) drop.run(t);
    const member = db.prepare('INSERT INTO thread_members (thread, message_id) VALUES (?, ?)');
    const threads = new Set(versions.map((v) => v.thread));
    for (const ids of touched) if (threads.has(ids[0]!)) for (const id of ids) member.run(ids[0], id);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(THROUGH, String(lastRow));
  })();
  return { families: new Set(versions.map((v) => v.familyId)).size, versions: versions.length, messages };
}

/** Forget what was grouped: the next regroupIndex groups everything (after rows were deleted). */
export function forgetGrouping(db: Database): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(THROUGH);
}

/** The stored conversations some messages (or conversation keys) were grouped in. */
function threadsOf(db: Database, ids: number[]): Set<number> {
  const out = new Set<number>(ids); // a conversation's key is its first row id
  const lookup = db.prepare<{ thread: number }>('SELECT thread FROM thread_members WHERE message_id = ?');
  for (const id of ids) for (const r of lookup.all(id)) out.add(r.thread);
  return out;
}

function factsOf(v: VersionRow): VersionFacts {
  return {
    version: v.version, rfc: v.rfc === 1, resend: v.resend === 1, title: v.title, rootId: v.root_msgid, firstId: v.first_msgid,
    total: v.total, patches: v.patches, date: v.date, partial: v.partial === 1, changeId: v.change_id, author: v.author, thread: v.thread,
    patchStems: v.patch_stems ? v.patch_stems.split('\n') : [],
  };
}

/** The version that names a family: the newest full one (a partial reroll names one patch only); ties by date, then id. */
function namesBetter(a: LinkedVersion, b: LinkedVersion): boolean {
  if (a.partial !== b.partial) return !a.partial;
  if (a.version !== b.version) return a.version > b.version;
  if ((a.date ?? '') !== (b.date ?? '')) return (a.date ?? '') > (b.date ?? '');
  return a.firstId < b.firstId;
}

function writeVersions(db: Database, versions: LinkedVersion[]): void {
  const insertVersion = db.prepare(
    `INSERT INTO versions (family_id, version, rfc, resend, title, root_msgid, thread, first_msgid, total, patches, date, partial, change_id, author,
     patch_stems) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const family = new Map<string, { first: string | null; latest: LinkedVersion }>();
  for (const v of versions) {
    insertVersion.run(v.familyId, v.version, v.rfc ? 1 : 0, v.resend ? 1 : 0, v.title, v.rootId, v.thread, v.firstId, v.total, v.patches, v.date,
      v.partial ? 1 : 0, v.changeId, v.author, v.patchStems.join('\n'));
    const f = family.get(v.familyId);
    if (!f) family.set(v.familyId, { first: v.date, latest: v });
    else {
      if (v.date && (!f.first || v.date < f.first)) f.first = v.date;
      if (namesBetter(v, f.latest)) f.latest = v;
    }
  }
  const insertFamily = db.prepare('INSERT INTO families (id, title, author, first_date) VALUES (?, ?, ?, ?)');
  for (const [id, f] of family) insertFamily.run(id, f.latest.title, f.latest.author, f.first);
}
