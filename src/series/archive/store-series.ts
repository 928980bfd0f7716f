/**
 * Regroups the whole index after new messages arrived and replaces the series tables in one
 * transaction: readers (and a run killed half-way) see either the old grouping or the new one.
 */
import type { Database, Statement } from './sqlite.js';
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
      out.push(...statement(chunk.length).all(...chunk));
    }
    return out.sort((a, b) => a.rowid - b.rowid);
  };
}

export function regroupIndex(db: Database): GroupCounts {
  const { withPatches, messages } = threadComponents(db);
  const load = rowLoader(db);
  const facts: VersionFacts[] = [];
  for (const ids of withPatches) facts.push(...groupConversation(load(ids)));
  const versions = linkFamilies(facts);
  db.transaction(() => {
    db.exec('DELETE FROM families; DELETE FROM versions; DELETE FROM thread_members;');
    writeVersions(db, versions);
    const member = db.prepare('INSERT INTO thread_members (thread, message_id) VALUES (?, ?)');
    const threads = new Set(versions.map((v) => v.thread));
    for (const ids of withPatches) if (threads.has(ids[0]!)) for (const id of ids) member.run(ids[0], id);
  })();
  return { families: new Set(versions.map((v) => v.familyId)).size, versions: versions.length, messages };
}

function writeVersions(db: Database, versions: LinkedVersion[]): void {
  const insertVersion = db.prepare(
    `INSERT INTO versions (family_id, version, rfc, resend, title, root_msgid, thread, first_msgid, total, patches, date, partial, change_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const family = new Map<string, { title: string; author: string | null; first: string | null; latest: LinkedVersion }>();
  for (const v of versions) {
    insertVersion.run(v.familyId, v.version, v.rfc ? 1 : 0, v.resend ? 1 : 0, v.title, v.rootId, v.thread, v.firstId, v.total, v.patches, v.date,
      v.partial ? 1 : 0, v.changeId);
    const f = family.get(v.familyId);
    if (!f) family.set(v.familyId, { title: v.title, author: v.author, first: v.date, latest: v });
    else {
      if (v.date && (!f.first || v.date < f.first)) f.first = v.date;
      // The family is named by its newest full version (a partial reroll names one patch only).
      if (!v.partial && (f.latest.partial || v.version > f.latest.version)) f.latest = v;
    }
  }
  const insertFamily = db.prepare('INSERT INTO families (id, title, author, first_date) VALUES (?, ?, ?, ?)');
  for (const [id, f] of family) insertFamily.run(id, f.latest.title, f.latest.author ?? f.author, f.first);
}
