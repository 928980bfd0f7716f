/**
 * The on-disk index lives in SQLite through better-sqlite3 12 (synchronous, prepared statements,
 * real transactions; v12 is the line that builds on Node 20). The package ships no types and
 * @types/better-sqlite3 is not a dependency, so the little of its API used here is typed below.
 */
import { createRequire } from 'node:module';
import { closeSync, existsSync, mkdirSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../util/errors.js';

export interface RunResult {
  changes: number;
  lastInsertRowid: number | bigint;
}

export interface Statement<Row = unknown> {
  run(...params: unknown[]): RunResult;
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
  iterate(...params: unknown[]): IterableIterator<Row>;
}

export interface Database {
  prepare<Row = unknown>(sql: string): Statement<Row>;
  exec(sql: string): void;
  pragma(source: string): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  close(): void;
  /** The file the database was opened from (':memory:' for none). */
  readonly name: string;
}

/** A row of the versions table. */
export interface VersionRow {
  family_id: string;
  version: number;
  rfc: number;
  resend: number;
  title: string;
  root_msgid: string;
  thread: number;
  first_msgid: string;
  total: number;
  patches: number;
  date: string | null;
  partial: number;
  change_id: string | null;
  author: string | null;
  /** Patch subject stems, one per line. */
  patch_stems: string;
}

type DatabaseConstructor = new (path: string) => Database;

let betterSqlite3: DatabaseConstructor | undefined;
/** The native module, loaded on the first open: the archive stage is also imported by work with no index (two-pass `show`). */
const sqliteConstructor = (): DatabaseConstructor => (betterSqlite3 ??= createRequire(import.meta.url)('better-sqlite3') as DatabaseConstructor);

/** A plain SQLite connection, not an index (the writer's lock file). */
export const openSqliteFile = (path: string): Database => new (sqliteConstructor())(path);

/** Bump when the tables or what is stored in them change (6: stable-tree notices are not patches): an index of another version is rebuilt from scratch. */
export const SCHEMA_VERSION = 6;

/**
 * SQLite's application_id of our index files ("PScp"): an SQLite file without it that holds
 * tables other than ours is someone else's, and is refused rather than changed.
 */
export const APPLICATION_ID = 0x50536370;
const OUR_TABLES = new Set(['sources', 'messages', 'damaged', 'families', 'versions', 'thread_members', 'meta']);

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,
  mboxrd INTEGER NOT NULL DEFAULT 0, size INTEGER, mtime REAL, cursor TEXT, fingerprint TEXT, complete INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, position TEXT NOT NULL,
  msgid TEXT NOT NULL, in_reply_to TEXT, refs TEXT NOT NULL, subject TEXT NOT NULL,
  from_name TEXT, from_email TEXT, date TEXT, kind TEXT NOT NULL, has_diff INTEGER NOT NULL,
  has_diffstat INTEGER NOT NULL, change_id TEXT,
  UNIQUE (source_id, position));
CREATE TABLE IF NOT EXISTS damaged (
  source_id INTEGER NOT NULL, position TEXT NOT NULL, reason TEXT NOT NULL, UNIQUE (source_id, position));
CREATE TABLE IF NOT EXISTS families (id TEXT PRIMARY KEY, title TEXT NOT NULL, author TEXT, first_date TEXT);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY, family_id TEXT NOT NULL, version INTEGER NOT NULL, rfc INTEGER NOT NULL,
  resend INTEGER NOT NULL, title TEXT NOT NULL, root_msgid TEXT NOT NULL, thread INTEGER NOT NULL, first_msgid TEXT NOT NULL,
  total INTEGER NOT NULL, patches INTEGER NOT NULL, date TEXT, partial INTEGER NOT NULL, change_id TEXT, author TEXT,
  patch_stems TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS thread_members (thread INTEGER NOT NULL, message_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS thread_members_thread ON thread_members (thread);
CREATE INDEX IF NOT EXISTS thread_members_message ON thread_members (message_id);
CREATE INDEX IF NOT EXISTS messages_msgid ON messages (msgid);
CREATE INDEX IF NOT EXISTS versions_family ON versions (family_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/**
 * Open an index: `write` creates it (or rebuilds one of another schema version) for `index`;
 * `read` (find, series:ID) changes nothing and refuses an index it cannot read; `probe` only
 * refuses a file that is not an index of ours. WAL journal: a
 * reader never sees half a transaction, and a process killed mid-write leaves the last
 * committed state, which the next open recovers.
 */
export function openIndex(path: string, mode: 'write' | 'read' | 'probe' = 'write'): Database {
  if (path !== ':memory:') {
    if (mode === 'write') mkdirSync(dirname(path), { recursive: true });
    refuseNonSqlite(path);
  }
  const db = new (sqliteConstructor())(path);
  try {
    refuseForeign(db, path);
    if (mode === 'read') refuseOtherVersion(db, path);
  } catch (e) {
    db.close();
    throw e;
  }
  if (mode !== 'write') return db;
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // 32 MiB of page cache (default 2 MiB): the two indexes on messages stay in memory while
  // hundreds of thousands of rows go in; measured 11.3 s -> 8.8 s on a 200 MB archive.
  db.pragma('cache_size = -32768');
  if (schemaVersion(db) !== SCHEMA_VERSION) {
    db.exec('DROP TABLE IF EXISTS sources; DROP TABLE IF EXISTS messages; DROP TABLE IF EXISTS damaged;' +
      'DROP TABLE IF EXISTS families; DROP TABLE IF EXISTS versions; DROP TABLE IF EXISTS thread_members; DROP TABLE IF EXISTS meta;');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.exec(SCHEMA);
  return db;
}

/** Refuse `path` before anything is created beside it when it exists and is not an index of ours. */
export function checkIndexFile(path: string): void {
  if (path === ':memory:' || !existsSync(path)) return;
  openIndex(path, 'probe').close();
}

const schemaVersion = (db: Database): number | undefined => (db.pragma('user_version') as { user_version: number }[])[0]?.user_version;

/** An index of another schema version (or an empty file) has nothing to answer from until `index` rebuilds it. */
function refuseOtherVersion(db: Database, path: string): void {
  if (schemaVersion(db) !== SCHEMA_VERSION) {
    throw new InputError({ source: path }, 'this index was written by another version of patchscope: run patchscope index ARCHIVE... again');
  }
}

const NOT_OURS = 'not a patchscope archive index';

/** A file that exists and is not empty must start with SQLite's header (else better-sqlite3 fails later, obscurely). */
function refuseNonSqlite(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return; // absent: created as a new index
  }
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    if (n > 0 && !head.equals(Buffer.from('SQLite format 3\0', 'latin1'))) {
      throw new InputError({ source: path }, `${NOT_OURS} (not an SQLite file): give another --db`);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * An SQLite file is ours when it carries our application_id, or (indexes written before the id
 * existed) holds only our tables. Anything else is left untouched: opening it as an index would
 * add tables to it, and a schema change would drop some.
 */
function refuseForeign(db: Database, path: string): void {
  const id = (db.pragma('application_id') as { application_id: number }[])[0]?.application_id ?? 0;
  if (id === APPLICATION_ID) return;
  const tables = db.prepare<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map((t) => t.name);
  const foreign = tables.filter((t) => !OUR_TABLES.has(t));
  if (id !== 0 || foreign.length > 0) {
    throw new InputError({ source: path }, `${NOT_OURS} (an SQLite file with ${foreign.length > 0 ? `tables ${foreign.slice(0, 3).join(', ')}` : `application id ${id}`}): left untouched; give another --db`);
  }
}
