/**
 * Parsed series of a mail file kept between TUI starts: re-reading a 41-message thread costs ~0.4 s
 * on a busy 2-core machine, reading its parse back ~2 ms. Keyed by the file (path, size, mtime,
 * inode), the reading options and the compiled reader's own files, so a changed input, option or
 * patchscope build never reads an old parse. Only regular files up to MAX_BYTES; the newest KEEP
 * entries are kept. A cache that cannot be read or written is no error: the file is parsed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { SeriesSet } from '../series/index.js';
import type { CommonOptions } from './args.js';
import { resolveInput } from './bundled.js';
import { accountForSkipped, loadInput } from './context.js';

const MAX_BYTES = 32 * 1024 * 1024;
const KEEP = 32;
const FORMAT = 1;

export function seriesCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'patchscope', 'series');
}

/** The newest modification time of the compiled reader (ingest and series stages): a rebuild is a new key. */
function readerStamp(): string {
  const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  let newest = 0;
  for (const stage of ['ingest', 'series']) {
    for (const name of readdirSync(join(dist, stage), { recursive: true, encoding: 'utf8' })) {
      if (name.endsWith('.js')) newest = Math.max(newest, statSync(join(dist, stage, name)).mtimeMs);
    }
  }
  return String(newest);
}

function cacheKey(file: string, common: CommonOptions): string | null {
  let st;
  try {
    st = statSync(file);
  } catch {
    return null;
  }
  if (!st.isFile() || st.size > MAX_BYTES) return null;
  const options = { mboxrd: common.mboxrd, max: common.maxMessageBytes, gzip: common.maxGzipRatio, repo: common.repo };
  const parts = JSON.stringify([FORMAT, resolve(file), st.size, st.mtimeMs, st.ino, options, readerStamp()]);
  return createHash('sha256').update(parts).digest('hex');
}

/** Keeps the newest entries only. */
function prune(dir: string): void {
  const files = readdirSync(dir).filter((n) => n.endsWith('.json')).map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }));
  for (const { n } of files.sort((a, b) => b.t - a.t).slice(KEEP)) rmSync(join(dir, n), { force: true });
}

/** `loadInput`, answered from the cache when the same file was read the same way before. */
export async function loadInputCached(input: string, common: CommonOptions, env: NodeJS.ProcessEnv = process.env): Promise<SeriesSet> {
  const key = env.PATCHSCOPE_NO_CACHE || input.startsWith('series:') || input === '-' ? null : cacheKey(resolveInput(input), common);
  if (key === null) return loadInput(input, common);
  const dir = seriesCacheDir(env);
  const path = join(dir, `${key}.json`);
  let cached: SeriesSet | null = null;
  try {
    cached = JSON.parse(readFileSync(path, 'utf8')) as SeriesSet;
  } catch {
    cached = null;
  }
  // Skipped messages are named again, as a fresh read would.
  if (cached) return accountForSkipped(cached, input);
  const set = await loadInput(input, common);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileAtomic(path, JSON.stringify(set));
    prune(dir);
  } catch {
    // No cache this time.
  }
  return set;
}
