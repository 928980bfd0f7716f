/**
 * One guarded request with Node's own fetch (undici): redirects followed only to the same host (or
 * hosts the user allowed), a time limit to the first byte and between body chunks, and a cap on
 * the bytes read. The body is read whole (bounded): callers cache it and then stream it through
 * ingest's gzip guard.
 */
import { RemoteError, type RemoteFailure } from './remote-error.js';

export interface HttpLimits {
  /** Seconds to wait for the answer's headers, and then for each body chunk. */
  timeoutSeconds: number;
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Hosts (host or host:port) a redirect may lead to besides the server's own. */
  redirectHosts: readonly string[];
  /** Bytes of the answer read so far, after each chunk. */
  onBytes?: (bytes: number) => void;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_REDIRECTS = 5;
const STALE_CONNECTION = new Set(['UND_ERR_SOCKET', 'ECONNRESET']);
const TLS_CODES = /^(ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|ERR_SSL_|EPROTO$)/;

export interface HttpAnswer {
  /** The URL that answered, after redirects. */
  url: string;
  body: Buffer;
}

/**
 * GET (or POST with an empty body, as public-inbox wants for `x=m` searches) `url`. A 404 and every
 * other failure is a RemoteError naming `server`.
 */
export async function fetchBounded(url: string, server: string, method: 'GET' | 'POST', limits: HttpLimits, msgid: string | null = null): Promise<HttpAnswer> {
  const fail = (f: RemoteFailure): RemoteError => new RemoteError(server, f, msgid);
  const origin = new URL(url);
  let current = url;
  let retried = false;
  for (let hop = 0; ; hop++) {
    const controller = new AbortController();
    let phase: 'response' | 'body' = 'response';
    let timer = setTimeout(() => controller.abort(), limits.timeoutSeconds * 1000);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), limits.timeoutSeconds * 1000);
    };
    try {
      let response: Response;
      try {
        response = await fetch(current, {
          method,
          redirect: 'manual',
          signal: controller.signal,
          headers: { accept: 'application/gzip, application/mbox, */*' },
          ...(method === 'POST' ? { body: '' } : {}),
        });
      } catch (e) {
        if (controller.signal.aborted) throw fail({ kind: 'timeout', seconds: limits.timeoutSeconds, phase });
        const failure = transportFailure(e);
        // A kept-alive connection the server has since closed fails the first request on it: ask once more.
        if (!retried && failure.kind === 'network' && STALE_CONNECTION.has(failure.code)) {
          retried = true;
          hop--;
          continue;
        }
        throw fail(failure);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS) throw fail({ kind: 'redirect', to: response.headers.get('location')!, why: `more than ${MAX_REDIRECTS} redirects` });
        current = checkRedirect(current, response.headers.get('location')!, origin, limits, fail);
        if (method === 'POST' && (response.status === 301 || response.status === 302 || response.status === 303)) method = 'GET';
        continue;
      }
      if (response.status === 404) {
        await response.body?.cancel();
        throw fail({ kind: 'not-found' });
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        throw fail({ kind: 'status', status: response.status });
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > limits.maxBytes) {
        await response.body?.cancel();
        throw fail({ kind: 'too-large', limit: limits.maxBytes });
      }
      phase = 'body';
      rearm();
      const onChunk = (bytes: number) => {
        rearm();
        limits.onBytes?.(bytes);
      };
      return { url: current, body: await readCapped(response, limits.maxBytes, onChunk, fail, controller, limits.timeoutSeconds) };
    } finally {
      clearTimeout(timer);
    }
  }
}

async function readCapped(
  response: Response,
  maxBytes: number,
  onChunk: (bytesSoFar: number) => void,
  fail: (f: RemoteFailure) => RemoteError,
  controller: AbortController,
  timeoutSeconds: number,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (e) {
        throw controller.signal.aborted ? fail({ kind: 'timeout', seconds: timeoutSeconds, phase: 'body' }) : fail(transportFailure(e));
      }
      if (next.done) break;
      size += next.value.length;
      if (size > maxBytes) throw fail({ kind: 'too-large', limit: maxBytes });
      parts.push(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length));
      onChunk(size);
    }
  } finally {
    // Stop a body we will not read any further (too large): the server may still be sending.
    if (size > maxBytes) controller.abort();
    reader.releaseLock();
  }
  return Buffer.concat(parts, size);
}

/**
 * A redirect is followed only within the server's host, or to a host the user allowed, and never
 * from https down to http: an archive must not send us somewhere we did not choose.
 */
function checkRedirect(from: string, location: string, origin: URL, limits: HttpLimits, fail: (f: RemoteFailure) => RemoteError): string {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw fail({ kind: 'redirect', to: location, why: 'not a URL' });
  }
  if (to.protocol !== 'https:' && to.protocol !== 'http:') throw fail({ kind: 'redirect', to: to.href, why: 'not http(s)' });
  if (origin.protocol === 'https:' && to.protocol === 'http:') throw fail({ kind: 'redirect', to: to.href, why: 'from https down to http' });
  if (to.host !== origin.host && !limits.redirectHosts.includes(to.host) && !limits.redirectHosts.includes(to.hostname)) {
    throw fail({ kind: 'redirect', to: to.href, why: `another host than ${origin.host} (allow it with --allow-redirect ${to.host})` });
  }
  return to.href;
}

/** undici reports the cause of "fetch failed" in `cause` (an errno or an undici code). */
function transportFailure(e: unknown): RemoteFailure {
  let cause: unknown = e;
  let message = e instanceof Error ? e.message : String(e);
  for (let i = 0; i < 4 && cause && typeof cause === 'object'; i++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'network', code: 'connect timeout' };
      return TLS_CODES.test(code) ? { kind: 'tls', code } : { kind: 'network', code };
    }
    if (cause instanceof Error) message = cause.message;
    cause = (cause as { cause?: unknown }).cause;
  }
  return { kind: 'network', code: message };
}
