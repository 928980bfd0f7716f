/** A thread by Message-ID, and a search of an inbox, as the gzip bytes the server sent (or the cache kept). */
import { MAX_SINGLE_MESSAGE } from '../eml.js';
import { fetchThroughCache, type Answer, type RemoteOptions } from './fetch-cached.js';
import { RemoteError } from './remote-error.js';
import { resolveServer } from './server.js';
import { searchUrl, threadUrl, type RemoteRef } from './spec.js';

export interface FetchedThread extends Answer {
  server: string;
  url: string;
}

/** The server a reference is fetched from: the one its URL names, else the configured one. */
export async function serverFor(ref: RemoteRef, opts: RemoteOptions): Promise<string> {
  if (ref.server) return ref.server;
  return (await resolveServer({ option: opts.server ?? null, env: opts.env, cwd: opts.cwd })).url;
}

/** `SERVER/MSGID/t.mbox.gz`: the whole thread the message belongs to. */
export async function fetchThread(ref: RemoteRef, opts: RemoteOptions = {}): Promise<FetchedThread> {
  const server = await serverFor(ref, opts);
  const url = threadUrl(server, ref.msgid);
  const answer = await fetchThroughCache(url, server, 'GET', opts, MAX_SINGLE_MESSAGE, ref.msgid);
  if (answer.origin === 'cache') opts.onNotice?.(`using the cached copy of <${ref.msgid}> from ${server}`, 'info');
  return { ...answer, server, url };
}

/**
 * The messages matching a public-inbox query (Xapian syntax: `s:"…"`, `f:…`, `nq:"…"`), as mbox.gz,
 * or null when nothing matches (public-inbox answers 404 to an empty result).
 */
export async function searchInbox(server: string, query: string, opts: RemoteOptions = {}): Promise<Answer | null> {
  try {
    return await fetchThroughCache(searchUrl(server, query), server, 'POST', opts, MAX_SINGLE_MESSAGE, null);
  } catch (e) {
    if (e instanceof RemoteError && e.failure.kind === 'not-found') return null;
    throw e;
  }
}
