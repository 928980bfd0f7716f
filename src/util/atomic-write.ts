/**
 * Atomic file writes: a temporary file beside the target, fsync, rename over it. An interrupted write
 * (Ctrl-C, `ulimit -f`, a full disk) leaves the old file whole, never a truncated one.
 *
 * A symbolic link as target is followed, as git's lockfile does for the files it writes (lockfile.c
 * resolve_symlink): the final file it points to is replaced, and the link stays a link. We never write
 * through a link silently somewhere the user cannot see: the resolved path is what errors name.
 */
import { closeSync, fsyncSync, openSync, readlinkSync, renameSync, lstatSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** Bounded, like git's MAXDEPTH in resolve_symlink: a loop of links is an error, not a hang. */
const MAX_LINK_DEPTH = 5;

/** The file a write to `path` lands in: `path` itself, or the end of its chain of symbolic links. */
export function resolveWriteTarget(path: string): string {
  let target = resolve(path);
  for (let depth = 0; depth < MAX_LINK_DEPTH; depth++) {
    let isLink: boolean;
    try {
      isLink = lstatSync(target).isSymbolicLink();
    } catch {
      return target; // does not exist yet: created
    }
    if (!isLink) return target;
    const link = readlinkSync(target);
    target = isAbsolute(link) ? link : resolve(dirname(target), link);
  }
  const err = new Error(`too many levels of symbolic links`) as NodeJS.ErrnoException;
  err.code = 'ELOOP';
  throw err;
}

/** Write `data` to `path` atomically (see above). Throws the errno error of the step that failed. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const target = resolveWriteTarget(path);
  // Opened with O_EXCL ('wx'): the name need only be unlikely to collide, not secret, so no node:crypto
  // (loading it cost every start-up ~7 ms).
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
  } catch (e) {
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(temp); } catch { /* never created or already renamed */ }
    throw e;
  }
}
