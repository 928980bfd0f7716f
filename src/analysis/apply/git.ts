/**
 * The git commands of the apply stage, on top of the one git module (src/util/git): reads of the
 * base's repository are `repository` calls, everything else runs in the scratch repository the
 * workspace built, where no hook, filter, fsmonitor or config of the user or the base applies.
 * Refs are validated before they reach git; paths always follow `--`.
 *
 * simple-git waits a fixed 50 ms after a git process that printed nothing (its completion plugin's
 * guard for streams that close late). A silent `git apply` or `commit --quiet` per patch made
 * `check` several times slower than `git am`, so the commands we run per patch are asked to speak:
 * `apply --verbose`, `commit` without `--quiet`. Their extra lines are ignored (failure.ts).
 */
import { resolve } from 'node:path';
import { GitError } from '../../util/errors.js';
import { assertSafeRef, isObjectId, repositoryAt, runGit, scratchAt, tryGit, type GitOutcome } from '../../util/git/index.js';

export type { GitOutcome };

/** The commit id a validated revision names in `repo`. */
export async function resolveCommit(repo: string, rev: string): Promise<string> {
  assertSafeRef(rev);
  const out = await runGit(repositoryAt(repo), ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  const id = out.trim();
  if (!isObjectId(id)) throw new GitError(`${rev}: not a commit in ${repo}`, ['rev-parse', rev]);
  return id;
}

/** The top folder of the work tree that contains `dir`, or null when `dir` is in no git work tree. */
export async function workTreeTop(dir: string): Promise<string | null> {
  const r = await tryGit(repositoryAt(dir), ['rev-parse', '--show-toplevel']);
  return r.ok ? r.stdout.trim() : null;
}

export interface ObjectStore {
  /** Absolute path of the repository's object folder (what objects/info/alternates names). */
  objects: string;
  /** `sha1` or `sha256`: a scratch repository borrowing the objects must use the same. */
  format: string;
}

/** Where `repo` keeps its objects, and in which hash format. */
export async function objectStoreOf(repo: string): Promise<ObjectStore> {
  const [objects = '', format = ''] = (await runGit(repositoryAt(repo), ['rev-parse', '--git-path', 'objects', '--show-object-format'])).split('\n');
  const path = resolve(repo, objects.trim());
  // objects/info/alternates holds one path per line (ours is absolute, so never a `#` comment).
  if (/[\n\r]/.test(path)) throw new GitError(`${repo}: its object folder ${JSON.stringify(path)} cannot be named in an alternates file`, ['rev-parse']);
  return { objects: path, format: format.trim() || 'sha1' };
}

/** `git init` of a scratch repository (no template hooks matter: hooksPath is /dev/null). */
export async function initScratch(dir: string, format = 'sha1'): Promise<void> {
  const args = ['init', dir];
  if (format !== 'sha1') args.push(`--object-format=${format}`);
  await runGit(scratchAt(resolve(dir, '..')), args);
}

/**
 * Index and work tree of the scratch repository set to `commit` (its branch made to point there).
 * `reset --hard`, not `checkout --detach`: from an unborn branch, checkout reports a blob it cannot
 * read and still exits 0, leaving a base with files missing. A tree that cannot be read whole (a
 * partial or shallow clone lacking the objects: they are never fetched, see isolation.ts) is one
 * clean error naming the base.
 */
export async function checkoutCommit(dir: string, commit: string, from: string): Promise<void> {
  if (!isObjectId(commit)) throw new GitError(`not a commit id: ${JSON.stringify(commit)}`, [commit]);
  const r = await tryGit(scratchAt(dir), ['reset', '--hard', commit, '--']);
  if (!r.ok) {
    const why = r.stderr.split('\n').map((l) => l.trim()).find((l) => /^(error|fatal):/.test(l)) ?? 'git reset failed';
    throw new GitError(`${from}: the tree of ${commit.slice(0, 12)} cannot be read whole (objects missing, as in a partial or shallow clone; patchscope never fetches): ${why}`, ['reset', '--hard', commit]);
  }
}

/** Stages everything in a scratch repository and commits it as the base. */
export async function commitAll(dir: string, message: string): Promise<string> {
  await runGit(scratchAt(dir), ['add', '--all', '--force', '--', '.']);
  await runGit(scratchAt(dir), ['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message]);
  return headCommit(dir);
}

export async function headCommit(dir: string): Promise<string> {
  return (await runGit(scratchAt(dir), ['rev-parse', '--verify', 'HEAD'])).trim();
}

const APPLY_FLAGS = ['--index', '--whitespace=nowarn'];

/** `git apply --check` of a patch file (kept outside the worktree). */
export async function checkApply(worktree: string, patchFile: string): Promise<GitOutcome> {
  return tryGit(scratchAt(worktree), ['apply', '--check', '--verbose', ...APPLY_FLAGS, '--', patchFile]);
}

export async function applyPatchFile(worktree: string, patchFile: string): Promise<GitOutcome> {
  return tryGit(scratchAt(worktree), ['apply', '--verbose', ...APPLY_FLAGS, '--', patchFile]);
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
  await runGit(scratchAt(worktree), args);
}

/**
 * The commits made on top of `base`, oldest first: one `rev-list` at the end instead of a
 * `rev-parse` after every commit (each git process costs more than the lookup itself).
 */
export async function commitsSince(worktree: string, base: string): Promise<string[]> {
  assertSafeRef(base);
  const out = await runGit(scratchAt(worktree), ['rev-list', '--reverse', '--first-parent', `${base}..HEAD`, '--']);
  return out.split('\n').filter((l) => l.length > 0);
}

/** `git am` of an mbox onto the worktree's HEAD: used by the bench as the yardstick. */
export async function amMbox(worktree: string, mboxFile: string): Promise<GitOutcome> {
  return tryGit(scratchAt(worktree), ['am', '--quiet', '--no-gpg-sign', '--', mboxFile]);
}
