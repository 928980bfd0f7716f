/**
 * A URL's answer through the cache: a fresh cached copy is used as is; otherwise the server is asked,
 * and when it cannot be reached (network, TLS, timeout, 5xx) an older copy stands in, with a notice.
 */
import { readCached, writeCached, DEFAULT_CACHE_MAX_AGE_SECONDS, defaultCacheDir } from './cache.js';
import { fetchBounded, DEFAULT_TIMEOUT_SECONDS, type HttpLimits } from './http.js';
import { RemoteError } from './remote-error.js';

/** How remote inputs are fetched; every field has a default. */
export interface RemoteOptions {
  /** `--server URL`: the inbox to ask (see server.ts for the other places it may come from). */
  server?: string | null;
  /** `--no-cache`: neither read nor write the cache. */
  noCache?: boolean;
  /** A cached copy younger than this is used without asking the server. */
  cacheMaxAgeSeconds?: number;
  cacheDir?: string;
  timeoutSeconds?: number;
  /** Largest answer in bytes (default: ingest's per-message cap). */
  maxBytes?: number;
  /** Hosts a redirect may lead to besides the server's own. */
  redirectHosts?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** Where git config is read for the server. */
  cwd?: string;
  /** A progress line while an answer arrives: bytes read so far, then done. */
  progress?: { update(bytes: number): void; done(): void };
  /** One line for the user: `warning` for a stale copy used in place of the server, `info` for a fresh cached one. */
  onNotice?: (line: string, level: 'info' | 'warning') => void;
}

export type AnswerOrigin = 'network' | 'cache' | 'stale cache';

export interface Answer {
  body: Buffer;
  origin: AnswerOrigin;
}

export async function fetchThroughCache(
  url: string,
  server: string,
  method: 'GET' | 'POST',
  opts: RemoteOptions,
  defaultMaxBytes: number,
  msgid: string | null,
): Promise<Answer> {
  const dir = opts.cacheDir ?? defaultCacheDir(opts.env);
  const useCache = !opts.noCache;
  const cached = useCache ? readCached(dir, url) : null;
  if (cached && cached.ageSeconds <= (opts.cacheMaxAgeSeconds ?? DEFAULT_CACHE_MAX_AGE_SECONDS)) return { body: cached.bytes, origin: 'cache' };
  const limits: HttpLimits = {
    timeoutSeconds: opts.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    maxBytes: opts.maxBytes ?? defaultMaxBytes,
    redirectHosts: opts.redirectHosts ?? [],
    ...(opts.progress ? { onBytes: (n: number) => opts.progress!.update(n) } : {}),
  };
  try {
    const answer = await fetchBounded(url, server, method, limits, msgid).finally(() => opts.progress?.done());
    if (useCache) writeCached(dir, url, answer.body);
    return { body: answer.body, origin: 'network' };
  } catch (e) {
    if (!(e instanceof RemoteError) || !e.isTransient || !cached) throw e;
    opts.onNotice?.(`${e.message}; using the cached copy fetched ${cached.fetchedAt.toISOString()}`, 'warning');
    return { body: cached.bytes, origin: 'stale cache' };
  }
}
