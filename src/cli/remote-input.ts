/**
 * Message-ID inputs at the CLI's edge: the fetch options from the command line, notices on stderr,
 * and "the server holds a newer version" once a remote series is open.
 */
import type { KnownVersion } from '../analysis/versions/index.js';
import { remoteRef, serverFor, type RemoteOptions } from '../ingest/index.js';
import type { PatchSeries, SeriesSet } from '../series/index.js';
import { sanitizeForTerminal } from '../present/index.js';
import type { CommonOptions } from './args.js';
import { createProgress } from './progress.js';

export function remoteOptions(common: CommonOptions, log: (line: string) => void = writeNotice): RemoteOptions {
  const r = common.remote;
  // One counter for every answer: a slow server shows its bytes arriving (off when not a TTY or -q).
  const progress = createProgress('fetching', { quiet: common.quiet });
  return {
    progress: { update: (bytes) => progress.update({ messages: 0, bytes }), done: () => progress.done() },
    server: r.server,
    noCache: r.noCache,
    ...(r.cacheMaxAgeSeconds !== null ? { cacheMaxAgeSeconds: r.cacheMaxAgeSeconds } : {}),
    ...(r.timeoutSeconds !== null ? { timeoutSeconds: r.timeoutSeconds } : {}),
    redirectHosts: r.redirectHosts,
    ...(common.maxMessageBytes !== null ? { maxBytes: common.maxMessageBytes } : {}),
    ...(common.repo !== null ? { cwd: common.repo } : {}),
    onNotice: (line, level) => {
      if (level === 'warning' || !common.quiet) log(line);
    },
  };
}

/** The server a remote INPUT is read from, or null for a local input. */
export async function remoteServerOf(input: string, common: CommonOptions): Promise<string | null> {
  const ref = remoteRef(input);
  return ref === null ? null : serverFor(ref, remoteOptions(common));
}

/** Every version of `series` the input's server holds; an empty list when it cannot be asked (said on stderr). */
export async function serverVersions(
  series: PatchSeries,
  server: string,
  common: CommonOptions,
  log: (line: string) => void = writeNotice,
): Promise<KnownVersion[]> {
  try {
    // The versions stage (and jsdiff under it) loads only for remote inputs: a local file never asks.
    const { findServerVersions } = await import('../analysis/versions/index.js');
    return await findServerVersions(series, server, { remote: remoteOptions(common, log), mboxrd: common.mboxrd });
  } catch (e) {
    log(`could not ask ${server} for other versions: ${(e as Error).message}`);
    return [];
  }
}

/** After opening a remote series: one line when the server holds a version newer than every one opened. */
export async function sayIfNewer(set: SeriesSet, input: string, common: CommonOptions, log: (line: string) => void = writeNotice): Promise<KnownVersion[]> {
  const server = await remoteServerOf(input, common);
  const newest = set.series.reduce<PatchSeries | null>((best, s) => (best === null || s.version > best.version ? s : best), null);
  if (server === null || newest === null) return [];
  const known = await serverVersions(newest, server, common, log);
  const { newerThan } = await import('../analysis/versions/index.js');
  const newer = newerThan(known, set.series);
  const latest = newer[newer.length - 1];
  if (latest) {
    log(`${server} holds a newer version of this series: v${latest.version} (${latest.subject}); open it with patchscope '<${latest.messageId}>'`);
  }
  return known;
}

/** The input that names `msgid`'s thread on `server` (an archive URL, so it is fetched from that server). */
export function threadSpec(server: string, msgid: string): string {
  return `${server}${encodeURIComponent(msgid)}/`;
}

function writeNotice(line: string): void {
  process.stderr.write(`patchscope: ${sanitizeForTerminal(line)}\n`);
}
