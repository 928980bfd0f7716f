/**
 * Which public-inbox server a Message-ID is fetched from, in b4's spirit: `--server`, then
 * PATCHSCOPE_SERVER, then git config `patchscope.server`, then b4's own `b4.midmask`
 * (`https://lore.kernel.org/all/%s`), then lore's `/all/` inbox.
 */
import { UsageError } from '../../util/errors.js';

export const DEFAULT_SERVER = 'https://lore.kernel.org/all/';

export type ServerSource = 'input URL' | '--server' | 'PATCHSCOPE_SERVER' | 'git config patchscope.server' | 'git config b4.midmask' | 'default';

export interface ServerChoice {
  /** Inbox URL, always ending in `/`: the thread is at `${url}${msgid}/t.mbox.gz`. */
  url: string;
  from: ServerSource;
}

export interface ServerSettings {
  /** `--server URL`, or null. */
  option?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Where git config is read (repository config included); default the current directory. */
  cwd?: string;
}

/** The server, from the first of the places above that names one. */
export async function resolveServer(settings: ServerSettings = {}): Promise<ServerChoice> {
  if (settings.option) return { url: normaliseServer(settings.option, '--server'), from: '--server' };
  const env = settings.env ?? process.env;
  if (env.PATCHSCOPE_SERVER) return { url: normaliseServer(env.PATCHSCOPE_SERVER, 'PATCHSCOPE_SERVER'), from: 'PATCHSCOPE_SERVER' };
  // git (and its client) loads only when a Message-ID input asks for a server: not for a local file.
  const { configValue } = await import('../../util/git/index.js');
  const own = await configValue('patchscope.server', settings.cwd);
  if (own) return { url: normaliseServer(own, 'git config patchscope.server'), from: 'git config patchscope.server' };
  const midmask = await configValue('b4.midmask', settings.cwd);
  if (midmask) return { url: normaliseServer(midmask, 'git config b4.midmask'), from: 'git config b4.midmask' };
  return { url: DEFAULT_SERVER, from: 'default' };
}

/**
 * An inbox URL as we use it: http(s) only, b4's `%s` placeholder dropped, one trailing `/`. Anything
 * else is the user's configuration mistake, named with where it came from.
 */
export function normaliseServer(raw: string, from: string): string {
  const text = raw.trim().replace(/%s$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${from}: "${raw}" is not a URL (want e.g. https://lore.kernel.org/all/)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UsageError(`${from}: "${raw}" is not an http(s) URL`);
  }
  if (url.search || url.hash) throw new UsageError(`${from}: "${raw}" carries a query or fragment; give the inbox URL`);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/*$/, '')}/`;
}

