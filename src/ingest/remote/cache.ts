/**
 * The cache of fetched threads and searches: the server's gzip bytes as they came, one file per URL
 * under $XDG_CACHE_HOME/patchscope/remote (~/.cache when unset), written atomically. A file's mtime is
 * when it was fetched; freshness is the caller's choice.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';

/** b4 keeps thread lookups for 10 minutes (its cache-expire default); we keep the same by default. */
export const DEFAULT_CACHE_MAX_AGE_SECONDS = 600;

export interface CachedCopy {
  path: string;
  bytes: Buffer;
  fetchedAt: Date;
  ageSeconds: number;
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache');
  return join(base, 'patchscope', 'remote');
}

export function cachePath(dir: string, url: string): string {
  return join(dir, `${sha256(url)}.gz`);
}

/** node:crypto is required here, when a remote input is read, not imported: a local input never needs it. */
function sha256(text: string): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update(text).digest('hex');
}

/** The cached answer for `url`, whatever its age, or null. An unreadable cache file is no copy. */
export function readCached(dir: string, url: string, now: number = Date.now()): CachedCopy | null {
  const path = cachePath(dir, url);
  try {
    const st = statSync(path);
    return { path, bytes: readFileSync(path), fetchedAt: st.mtime, ageSeconds: Math.max(0, (now - st.mtimeMs) / 1000) };
  } catch {
    return null;
  }
}

/** Keep `bytes` as the answer for `url`. A cache that cannot be written costs speed, never the run. */
export function writeCached(dir: string, url: string, bytes: Uint8Array): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(cachePath(dir, url), bytes);
    return true;
  } catch {
    return false;
  }
}
