import { homedir } from 'node:os';
import { join } from 'node:path';

/** `$XDG_CACHE_HOME/patchscope/index.sqlite`, else `~/.cache/patchscope/index.sqlite` (XDG base directory spec). */
export function defaultIndexPath(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(cache, 'patchscope', 'index.sqlite');
}
