/**
 * A temporary git worktree holding the base tree, plus a scratch folder beside it (outside the
 * worktree) for patch and message files. Three kinds of base:
 * - a revision of a repository: `git worktree add --detach` of that commit;
 * - a folder that is the top of a git work tree: a worktree of its HEAD (uncommitted changes are
 *   not part of the base, as with `git am`);
 * - any other folder (a plain tree, or a folder inside someone else's repository such as the
 *   bundled fixture): its content copied into a fresh repository and committed as the base.
 */
import { cpSync, existsSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { addWorktree, commitAll, initRepo, removeWorktree, resolveCommit, workTreeTop } from './git.js';
import { makeTempDir, removeTempDir } from './temp-dirs.js';

export type BaseTree = { kind: 'dir'; path: string } | { kind: 'rev'; repo: string; rev: string };

export interface Workspace {
  /** The worktree root: patches are applied here. */
  tree: string;
  /** A folder outside the worktree for our own files. */
  scratch: string;
  baseCommit: string;
  /**
   * True when the base is a folder we copied and committed ourselves: its commit id, and so every
   * patch commit's, is ours and changes from run to run (a revision's is the user's and stable).
   */
  snapshot: boolean;
  /** Removes the worktree and every temporary folder; never throws, safe to call twice. */
  dispose(): Promise<void>;
}

export function describeBase(base: BaseTree): string {
  return base.kind === 'dir' ? base.path : `${base.repo}@${base.rev}`;
}

async function worktreeOf(repo: string, rev: string): Promise<Workspace> {
  const commit = await resolveCommit(repo, rev);
  const root = makeTempDir('worktree');
  const tree = join(root, 'tree');
  let disposed = false;
  const dispose = async (): Promise<void> => {
    if (disposed) return;
    disposed = true;
    await removeWorktree(repo, tree);
    removeTempDir(root);
  };
  try {
    await addWorktree(repo, tree, commit);
  } catch (e) {
    await dispose();
    throw e;
  }
  return { tree, scratch: root, baseCommit: commit, snapshot: false, dispose };
}

async function copiedRepo(path: string): Promise<Workspace> {
  const root = makeTempDir('base');
  const tree = join(root, 'tree');
  const dispose = async (): Promise<void> => removeTempDir(root);
  try {
    // verbatimSymlinks: a link in the base stays a link (never followed), so the path guard sees it.
    cpSync(path, tree, { recursive: true, verbatimSymlinks: true, filter: (src) => basename(src) !== '.git' });
    await initRepo(tree);
    const baseCommit = await commitAll(tree, `patchscope base: ${basename(path)}`);
    return { tree, scratch: root, baseCommit, snapshot: true, dispose };
  } catch (e) {
    await dispose();
    throw e;
  }
}

function assertFolder(path: string): void {
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    throw new InputError({ source: path }, 'base tree is not a folder');
  }
}

/** Opens a temporary worktree for a base; the caller must `dispose()` it (try/finally). */
export async function openWorkspace(base: BaseTree): Promise<Workspace> {
  if (base.kind === 'rev') {
    assertFolder(base.repo);
    return worktreeOf(base.repo, base.rev);
  }
  assertFolder(base.path);
  const top = await workTreeTop(base.path);
  if (top !== null && realpathSync(top) === realpathSync(base.path)) return worktreeOf(base.path, 'HEAD');
  return copiedRepo(base.path);
}
