/**
 * The user's own global git config, read synchronously (checkpatch's location is decided while
 * options are read). Same settings off and same environment cleaning as every other git call.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { simpleGit } from 'simple-git';
import { cleanEnv, configArgs, PROGRAMS_OFF } from './isolation.js';
import { loadSimpleGit } from './simple-git.js';

/** `git config --global --get KEY`, or null (no git, no such setting). */
export function globalConfigValue(key: string): string | null {
  try {
    const value = execFileSync('git', [...configArgs(PROGRAMS_OFF), 'config', '--global', '--get', '--', key], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: cleanEnv(process.env),
    });
    return value.trim() || null;
  } catch {
    return null;
  }
}

/** The variables by which the user chooses git's own config files; they pass to `git config --get`. */
const CONFIG_ENV = ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM'];

/**
 * One git config value as git resolves it from `cwd` (repository, global, system; last one wins),
 * or null when unset or git is missing. For settings that name a URL, never a program: a
 * repository's config may set them, as it may set b4's own (b4.midmask).
 */
export async function configValue(key: string, cwd: string = process.cwd()): Promise<string | null> {
  try {
    // simple-git drops ambient GIT_* variables unless allowed; git's own config-file choices are the
    // user's and a `git config --get` runs no program, so those three pass.
    const r = await (await loadSimpleGit())({ baseDir: cwd, allowEnvironment: CONFIG_ENV }).getConfig(key);
    return r.value && r.value.trim() ? r.value.trim() : null;
  } catch {
    return null;
  }
}

/** Only what says where the user's configuration is: no GIT_DIR, no repository, nothing else of the caller's. */
const USER_CONFIG_ENV = ['HOME', 'PATH', 'XDG_CONFIG_HOME', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'LANG', 'LC_ALL'];

/**
 * Values of `keys` from the user's and the system's git configuration only: git runs in an empty
 * directory that no repository encloses, so the config of a repository the user stands in cannot
 * set them. For settings that choose a program (sendemail.smtpServer may name one).
 */
export async function userConfigValues(keys: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Map<string, string | null>> {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-config-'));
  try {
    const only: Record<string, string> = { GIT_CEILING_DIRECTORIES: dirname(dir) };
    for (const k of USER_CONFIG_ENV) if (env[k] !== undefined) only[k] = env[k]!;
    const git = (await loadSimpleGit())({
      baseDir: dir,
      unsafe: { allowUnsafeConfigPaths: true },
      allowEnvironment: ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM', 'GIT_CEILING_DIRECTORIES', 'XDG_CONFIG_HOME', 'HOME'],
    } as Parameters<typeof simpleGit>[0]).env(only);
    const values = new Map<string, string | null>();
    for (const key of keys) {
      try {
        const v = (await git.raw(['config', '--get', key])).trim();
        values.set(key, v === '' ? null : v);
      } catch {
        values.set(key, null);
      }
    }
    return values;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
