/** What the archive readers yield: raw messages with their position, and the sources they come from. */

/**
 * Largest message kept from an archive (an mbox message or an epoch's blob). List archives cap mail far lower (vger: 100 KB);
 * a larger "message" is a broken separator or hostile, and is passed over without being held.
 */
export const MAX_ARCHIVE_MESSAGE = 32 * 1024 * 1024;

/** Where a message sits in an archive, for errors and for reading it again. */
export type ArchivePosition =
  | { kind: 'offset'; source: string; offset: number }
  | { kind: 'commit'; source: string; commit: string };

/**
 * One message of an archive: its bytes, or why it could not be read. A plain mbox file's bytes may be a
 * view of a reused read buffer, valid until the next record is asked for. `resume` is the cursor to
 * store once this record and all before it are saved: a byte offset (as text) for an mbox, the
 * commit id for an epoch.
 */
export type ArchiveRecord =
  | { kind: 'raw'; position: ArchivePosition; bytes: Buffer; resume: string }
  | { kind: 'damaged'; position: ArchivePosition; reason: string; resume: string };

/** One readable unit of an archive: an mbox file or an epoch. */
export type ArchiveSource = { kind: 'mbox'; path: string } | { kind: 'epoch'; path: string };
