/** Remote inputs: a Message-ID fetched from a public-inbox server (lore or another), cached. */
export { parseRemoteSpec, threadUrl, searchUrl, type RemoteRef } from './spec.js';
export { resolveServer, normaliseServer, DEFAULT_SERVER, type ServerChoice } from './server.js';
export { fetchThread, searchInbox, serverFor, type FetchedThread } from './thread.js';
export { RemoteError, type RemoteFailure } from './remote-error.js';
export type { RemoteOptions, Answer, AnswerOrigin } from './fetch-cached.js';
export { defaultCacheDir, DEFAULT_CACHE_MAX_AGE_SECONDS } from './cache.js';
