/**
 * The one door to git for the whole pipeline. Every call goes through simple-git (argument arrays,
 * no shell, an explicit `baseDir`, never `process.chdir`) with the program-running settings of
 * isolation.ts switched off. simple-git's unsafe-operation guard stays at its defaults except for
 * exactly the overrides we make, each in the safe direction:
 * - allowUnsafeHooksPath, allowUnsafeFsMonitor, allowUnsafeProtocolOverride: the guard refuses any
 *   `-c core.hooksPath / core.fsmonitor / protocol.allow`, not knowing that ours turn hooks,
 *   fsmonitor and transports off;
 * - allowUnsafeConfigPaths with allowEnvironment GIT_CONFIG_GLOBAL and GIT_CONFIG_NOSYSTEM (scratch
 *   repositories only): they point the global config at /dev/null and skip the system one.
 * Ambient GIT_* and pager/editor variables are still stripped by simple-git.
 */
import type { SimpleGit } from 'simple-git';
import { GitError } from '../errors.js';
import { loadSimpleGit } from './simple-git.js';
import { cleanEnv, PROGRAMS_OFF, SCRATCH_ENV, SCRATCH_ONLY } from './isolation.js';

/** Where git runs: someone's repository (read with plumbing), or a scratch repository of ours. */
export type GitPlace = { kind: 'repository'; dir: string } | { kind: 'scratch'; dir: string };

export const repositoryAt = (dir: string): GitPlace => ({ kind: 'repository', dir });
export const scratchAt = (dir: string): GitPlace => ({ kind: 'scratch', dir });

/**
 * Per-invocation settings of a scratch repository, never written to any config file: a fixed
 * committer identity for the temporary commits, no signing, no line-ending rewriting that would make
 * `git apply` disagree with the mail, quoted paths in messages we parse.
 */
const SCRATCH_CONFIG = [
  ...PROGRAMS_OFF,
  ...SCRATCH_ONLY,
  'user.name=patchscope',
  'user.email=patchscope@invalid',
  'commit.gpgSign=false',
  'core.autocrlf=false',
  'core.safecrlf=false',
  'core.quotePath=true',
  'advice.detachedHead=false',
  'init.defaultBranch=patchscope-base',
];

/**
 * Every git process started here can be stopped at once: a signal handler calls stopRunningGit()
 * before removing temporary trees, so a `git reset --hard` still checking files out cannot recreate
 * folders in a tree that is being removed (found by the SIGHUP test in test/git-safety.test.ts).
 */
let running = new AbortController();

/** Kills the git processes still running (simple-git's abort plugin); later calls start afresh. */
export function stopRunningGit(): void {
  running.abort();
  running = new AbortController();
}

const UNSAFE_OVERRIDES = { allowUnsafeHooksPath: true, allowUnsafeFsMonitor: true, allowUnsafeProtocolOverride: true };

async function clientFor(place: GitPlace): Promise<SimpleGit> {
  const simpleGit = await loadSimpleGit();
  if (place.kind === 'repository') {
    return simpleGit({ baseDir: place.dir, maxConcurrentProcesses: 2, config: [...PROGRAMS_OFF], trimmed: false, unsafe: UNSAFE_OVERRIDES, abort: running.signal });
  }
  return simpleGit({
    baseDir: place.dir,
    maxConcurrentProcesses: 2,
    config: SCRATCH_CONFIG,
    trimmed: false,
    abort: running.signal,
    unsafe: { ...UNSAFE_OVERRIDES, allowUnsafeConfigPaths: true },
    allowEnvironment: Object.keys(SCRATCH_ENV),
  }).env(cleanEnv(process.env, SCRATCH_ENV));
}

/** What an expected failure looks like: git ran and said no (a patch that does not apply). */
export type GitOutcome = { ok: true; stdout: string } | { ok: false; stderr: string };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs `git <args>`; a failure of git is a GitError that keeps the command. */
export async function runGit(place: GitPlace, args: readonly string[]): Promise<string> {
  try {
    return await (await clientFor(place)).raw([...args]);
  } catch (e) {
    throw new GitError(`git ${args.join(' ')} (in ${place.dir}): ${messageOf(e).trim()}`, ['git', ...args]);
  }
}

/** Runs `git <args>` when failing is an answer, not an error (`git apply --check`). */
export async function tryGit(place: GitPlace, args: readonly string[]): Promise<GitOutcome> {
  try {
    return { ok: true, stdout: await (await clientFor(place)).raw([...args]) };
  } catch (e) {
    return { ok: false, stderr: messageOf(e) };
  }
}
