/**
 * One `index` run writes an index at a time. Each batch is its own transaction (so that a killed
 * run keeps what it wrote), which leaves two runs free to interleave their batches, cursors and
 * regroupings on one file; they must not. The lock is SQLite's own EXCLUSIVE lock, held for the
 * whole run on a sidecar file `DB.lock` (rollback journal, never written): an fcntl lock, which the
 * kernel releases when its process dies, SIGKILL included, so a killed run never leaves a stale
 * lock. It cannot be taken on the index itself: in WAL mode its write lock is the one every
 * batch takes and gives back. The sidecar stays on disk (deleting it while another run waits on it
 * would let two runs lock two different files).
 */
import { existsSync } from 'node:fs';
import { openSqliteFile, type Database } from './sqlite.js';

/** How often a waiting run tries the lock again. */
const RETRY_MS = 100;

export interface WriterLock {
  release(): void;
}

const lockPathOf = (dbPath: string): string => `${dbPath}.lock`;

/** A connection that holds the lock, or null when another process holds it. */
function tryLock(dbPath: string): Database | null {
  const conn = openSqliteFile(lockPathOf(dbPath));
  try {
    conn.pragma('busy_timeout = 0');
    conn.pragma('journal_mode = DELETE');
    conn.exec('BEGIN EXCLUSIVE');
    return conn;
  } catch (e) {
    conn.close();
    if (isBusy(e)) return null;
    throw e;
  }
}

const isBusy = (e: unknown): boolean => typeof e === 'object' && e !== null && /^SQLITE_(BUSY|LOCKED)/.test(String((e as { code?: unknown }).code));

/**
 * Take the writer's lock of the index at `dbPath`, waiting for another run to finish; `onWait`
 * is called once, when the first try finds the lock taken. An in-memory index needs none.
 */
export async function acquireWriterLock(dbPath: string, onWait?: () => void): Promise<WriterLock> {
  if (dbPath === ':memory:' || dbPath === '') return { release: () => {} };
  let conn = tryLock(dbPath);
  if (conn === null) onWait?.();
  while (conn === null) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    conn = tryLock(dbPath);
  }
  const held = conn;
  return {
    release: () => {
      held.exec('ROLLBACK');
      held.close();
    },
  };
}

/** Whether an index run is writing the index at `dbPath` now (its answers are partial until it ends). */
export function isBeingWritten(dbPath: string): boolean {
  // A writer creates the lock file before it writes: without one, no run is writing.
  if (dbPath === ':memory:' || dbPath === '' || !existsSync(lockPathOf(dbPath))) return false;
  const conn = tryLock(dbPath);
  if (conn === null) return true;
  conn.exec('ROLLBACK');
  conn.close();
  return false;
}
