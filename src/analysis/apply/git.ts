/**
 * The one door to git for the analysis stage. Every call goes through simple-git with its
 * unsafe-operations guard at defaults, an explicit `baseDir` (never `process.chdir`) and an
 * argument array, so no mail text is ever parsed by a shell. Refs are checked against a strict
 * pattern before they reach git; paths are always placed after `--`.
 */
import { simpleGit, type SimpleGit } from 'simple-git';
import { GitError } from '../../util/errors.js';

/**
 * Per-invocation configuration (`git -c`), never written to any config file: a fixed committer
 * identity for the temporary commits, no signing prompts, no line-ending rewriting that would
 * make `git apply` disagree with the mail, and quoted paths in messages we parse.
 */
const INVOCATION_CONFIG = [
  'user.name=patchscope',
  'user.email=patchscope@invalid',
  'commit.gpgSign=false',
  'core.autocrlf=false',
  'core.safecrlf=false',
  'core.quotePath=true',
  'advice.detachedHead=false',
  'init.defaultBranch=patchscope-base',
  'gc.auto=0',
  'maintenance.auto=false',
];

/**
 * A ref a user or a mail may name: a hex id, a branch or tag name, `HEAD~3`, `v6.8^`.
 * No leading `-` (it would become an option), no whitespace or control characters, no `..`
 * (ranges are not single revisions), no `:` (path lookups), at most 200 characters.
 */
const SAFE_REF = /^(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9_][A-Za-z0-9_./@{}^~+-]{0,199}$/;

export function isSafeRef(ref: string): boolean {
  return SAFE_REF.test(ref) && !ref.endsWith('.lock') && !ref.endsWith('/');
}

/** Throws a GitError (nothing is run) when a ref could be read as an option or a range. */
export function assertSafeRef(ref: string): void {
  if (!isSafeRef(ref)) {
    throw new GitError(`refusing revision ${JSON.stringify(ref)}: not a plain revision name`, [ref]);
  }
}

/**
 * simple-git waits a fixed 50 ms after a git process that printed nothing (its completion plugin's
 * guard for streams that close late). A silent `git apply` or `commit --quiet` per patch made
 * `check` several times slower than `git am`, so the commands we run per patch are asked to speak:
 * `apply --verbose`, `commit` without `--quiet`. Their extra lines are ignored (failure.ts).
 */
function gitAt(dir: string): SimpleGit {
  return simpleGit({ baseDir: dir, maxConcurrentProcesses: 2, config: INVOCATION_CONFIG, trimmed: false });
}

/** What an expected failure looks like: git ran and said no (a patch that does not apply). */
export type GitOutcome = { ok: true; stdout: string } | { ok: false; stderr: string };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Runs `git <args>` in `dir`; a failure of git is a GitError that keeps the command. */
export async function runGit(dir: string, args: readonly string[]): Promise<string> {
  try {
    return await gitAt(dir).raw([...args]);
  } catch (e) {
    throw new GitError(`git ${args.join(' ')} (in ${dir}): ${messageOf(e).trim()}`, ['git', ...args]);
  }
}

/** Runs `git <args>` in `dir` when failing is an answer, not an error (`git apply --check`). */
export async function tryGit(dir: string, args: readonly string[]): Promise<GitOutcome> {
  try {
    return { ok: true, stdout: await gitAt(dir).raw([...args]) };
  } catch (e) {
    return { ok: false, stderr: messageOf(e) };
  }
}

/** The commit id a validated revision names in `repo`. */
export async function resolveCommit(repo: string, rev: string): Promise<string> {
  assertSafeRef(rev);
  const out = await runGit(repo, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const id = out.trim();
  if (!/^[0-9a-f]{40,64}$/.test(id)) throw new GitError(`${rev}: not a commit in ${repo}`, ['rev-parse', rev]);
  return id;
}

/** The top folder of the work tree that contains `dir`, or null when `dir` is in no git work tree. */
export async function workTreeTop(dir: string): Promise<string | null> {
  const r = await tryGit(dir, ['rev-parse', '--show-toplevel']);
  return r.ok ? r.stdout.trim() : null;
}

export async function addWorktree(repo: string, target: string, commit: string): Promise<void> {
  assertSafeRef(commit);
  await runGit(repo, ['worktree', 'add', '--detach', '--quiet', '--', target, commit]);
}

/** Removes a worktree and prunes its record; never throws (cleanup runs on error paths too). */
export async function removeWorktree(repo: string, target: string): Promise<void> {
  await tryGit(repo, ['worktree', 'remove', '--force', '--', target]);
  await tryGit(repo, ['worktree', 'prune']);
}

export async function initRepo(dir: string): Promise<void> {
  await runGit(dir, ['init', '--quiet']);
}

/** Stages everything in a temporary repo we created ourselves and commits it as the base. */
export async function commitAll(dir: string, message: string): Promise<string> {
  await runGit(dir, ['add', '--all', '--force', '--', '.']);
  await runGit(dir, ['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message]);
  return headCommit(dir);
}

export async function headCommit(dir: string): Promise<string> {
  return (await runGit(dir, ['rev-parse', '--verify', 'HEAD'])).trim();
}

const APPLY_FLAGS = ['--index', '--whitespace=nowarn'];

/** `git apply --check` of a patch file (kept outside the worktree). */
export async function checkApply(worktree: string, patchFile: string): Promise<GitOutcome> {
  return tryGit(worktree, ['apply', '--check', '--verbose', ...APPLY_FLAGS, '--', patchFile]);
}

export async function applyPatchFile(worktree: string, patchFile: string): Promise<GitOutcome> {
  return tryGit(worktree, ['apply', '--verbose', ...APPLY_FLAGS, '--', patchFile]);
}

export interface CommitIdentity {
  /** `Name <email>`, already cleaned of characters git refuses in an ident. */
  author: string;
  /** ISO 8601 or RFC 2822 date, or null for "now". */
  date: string | null;
}

/** Commits the index with the patch's author and date; the message is read from a file (`-F`). */
export async function commitIndex(worktree: string, messageFile: string, who: CommitIdentity): Promise<void> {
  const args = ['commit', '--no-verify', '--allow-empty', '--cleanup=verbatim', '-F', messageFile];
  args.push(`--author=${who.author}`);
  if (who.date) args.push(`--date=${who.date}`);
  await runGit(worktree, args);
}

/**
 * The commits made on top of `base`, oldest first: one `rev-list` at the end instead of a
 * `rev-parse` after every commit (each git process costs more than the lookup itself).
 */
export async function commitsSince(worktree: string, base: string): Promise<string[]> {
  assertSafeRef(base);
  const out = await runGit(worktree, ['rev-list', '--reverse', '--first-parent', `${base}..HEAD`, '--']);
  return out.split('\n').filter((l) => l.length > 0);
}

/** `git am` of an mbox onto the worktree's HEAD: used by the bench as the yardstick. */
export async function amMbox(worktree: string, mboxFile: string): Promise<GitOutcome> {
  return tryGit(worktree, ['am', '--quiet', '--no-gpg-sign', '--', mboxFile]);
}
