/**
 * What an mbox held up to a byte offset, in short: a hash of its first and last 64 KiB before that
 * offset. Size and mtime alone miss an archive rewritten in place with the same size (a mirror
 * re-synced, a file restored with its old times); the hash catches a rewrite that changes the
 * start or the end, which is where list archives change (a month's file re-exported, mail
 * appended). A change of equal size wholly inside the middle of a large file still goes unseen.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';

const BLOCK = 64 * 1024;

/** The fingerprint of `path`'s bytes [0, end); null when the file is shorter than `end` (it was cut). */
export function fingerprintUpTo(path: string, end: number): string | null {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha1').update(String(end)).update('\0');
    const head = Buffer.alloc(Math.min(BLOCK, end));
    if (readSync(fd, head, 0, head.length, 0) !== head.length) return null;
    hash.update(head);
    if (end > BLOCK) {
      const tail = Buffer.alloc(Math.min(BLOCK, end - BLOCK));
      if (readSync(fd, tail, 0, tail.length, end - tail.length) !== tail.length) return null;
      hash.update(tail);
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}
