/**
 * A temporary scratch repository holding the base tree, plus a scratch folder beside it (outside
 * the tree) for patch and message files. Three kinds of base:
 * - a revision of a repository;
 * - a folder that is the top of a git work tree: its HEAD (uncommitted changes are not part of the
 *   base, as with `git am`);
 * - any other folder (a plain tree, or a folder inside someone else's repository such as the
 *   bundled fixture): its content copied into the scratch repository and committed as the base.
 *
 * For the first two the scratch repository borrows the base repository's objects read-only
 * (objects/info/alternates) and checks the commit out: nothing is written to the user's repository
 * (no `git worktree add`, so no worktree record is left behind by a closed terminal), and none of its
 * config applies: hooks, filters, fsmonitor, promisor remotes (see src/util/git/isolation.ts).
 */
import { cpSync, existsSync, mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../../util/errors.js';
import { checkoutCommit, commitAll, initScratch, objectStoreOf, resolveCommit, workTreeTop } from './git.js';
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
  /** Removes the scratch repository and every temporary folder; never throws, safe to call twice. */
  dispose(): Promise<void>;
}

export function describeBase(base: BaseTree): string {
  return base.kind === 'dir' ? base.path : `${base.repo}@${base.rev}`;
}

async function borrowedRepo(repo: string, rev: string): Promise<Workspace> {
  const commit = await resolveCommit(repo, rev);
  const store = await objectStoreOf(repo);
  const root = makeTempDir('borrowed');
  const tree = join(root, 'tree');
  const dispose = async (): Promise<void> => removeTempDir(root);
  try {
    await initScratch(tree, store.format);
    const info = join(tree, '.git', 'objects', 'info');
    mkdirSync(info, { recursive: true });
    writeFileSync(join(info, 'alternates'), `${store.objects}\n`);
    await checkoutCommit(tree, commit, repo);
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
    await initScratch(tree);
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
    return borrowedRepo(base.repo, base.rev);
  }
  assertFolder(base.path);
  const top = await workTreeTop(base.path);
  if (top !== null && realpathSync(top) === realpathSync(base.path)) return borrowedRepo(base.path, 'HEAD');
  return copiedRepo(base.path);
}
