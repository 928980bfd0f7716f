/**
 * Regroups the whole index after new messages arrived and replaces the series tables in one
 * transaction: readers (and a run killed half-way) see either the old grouping or the new one.
 */
import type { Database } from './sqlite.js';
import { linkVersions, type LinkedVersion, type StoredMessage } from './link-versions.js';

const ROWS_SQL = `SELECT m.id AS rowid, s.path AS source, m.msgid, m.in_reply_to AS inReplyTo, m.refs, m.subject,
  m.from_name AS fromName, m.from_email AS fromEmail, m.date, m.kind, m.has_diff AS hasDiff, m.has_diffstat AS hasDiffstat,
  m.change_id AS changeId FROM messages m JOIN sources s ON s.id = m.source_id ORDER BY s.id, m.id`;

export interface GroupCounts {
  families: number;
  versions: number;
  messages: number;
}

export function regroupIndex(db: Database): GroupCounts {
  const rows = db.prepare<StoredMessage>(ROWS_SQL).all();
  const { versions, roots } = linkVersions(rows);
  db.transaction(() => {
    db.exec('DELETE FROM families; DELETE FROM versions; DELETE FROM thread_members;');
    writeVersions(db, versions);
    const member = db.prepare('INSERT INTO thread_members (root_msgid, message_id) VALUES (?, ?)');
    for (const [rowid, root] of roots) member.run(root, rowid);
  })();
  return { families: new Set(versions.map((v) => v.familyId)).size, versions: versions.length, messages: rows.length };
}

function writeVersions(db: Database, versions: LinkedVersion[]): void {
  const insertVersion = db.prepare(
    `INSERT INTO versions (family_id, version, rfc, resend, title, root_msgid, first_msgid, total, patches, date, partial, change_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const family = new Map<string, { title: string; author: string | null; first: string | null; latest: LinkedVersion }>();
  for (const v of versions) {
    insertVersion.run(v.familyId, v.version, v.rfc ? 1 : 0, v.resend ? 1 : 0, v.title, v.rootId, v.firstId, v.total, v.patches, v.date,
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
