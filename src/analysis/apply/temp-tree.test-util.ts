/**
 * Test helpers: small trees on disk and real git diffs between two states of a tree, so tests
 * apply what git itself would produce rather than hand-counted hunks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runGit, scratchAt } from '../../util/git/index.js';
import { commitAll, initScratch } from './git.js';

export type Files = Record<string, string>;

const made: string[] = [];

export function writeFiles(root: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** A fresh folder holding `files`; removed by `removeTestTrees()`. */
export function makeTree(files: Files): string {
  const root = mkdtempSync(join(tmpdir(), 'patchscope-test-'));
  made.push(root);
  writeFiles(root, files);
  return root;
}

export function removeTestTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A git repository whose history is one commit per state, oldest first. */
export async function makeRepo(states: Files[]): Promise<string> {
  const root = makeTree({});
  await initScratch(root);
  for (const [i, files] of states.entries()) {
    writeFiles(root, files);
    await commitAll(root, `state ${i}`);
  }
  return root;
}

/**
 * The diff git writes from `before` to `after` (files absent from `after` are deleted).
 * Successive calls can be chained: pass the previous `after` as the next `before`.
 */
export async function gitDiff(before: Files, after: Files): Promise<string> {
  const root = makeTree(before);
  await initScratch(root);
  await commitAll(root, 'before');
  for (const path of Object.keys(before)) if (!(path in after)) rmSync(join(root, path));
  writeFiles(root, after);
  await runGit(scratchAt(root), ['add', '--all']);
  return runGit(scratchAt(root), ['diff', '--cached', '--no-color', '--no-ext-diff', 'HEAD']);
}

/** Applies successive states as diffs: state[i] → state[i+1] is patch i+1. */
export async function diffsOfStates(states: Files[]): Promise<string[]> {
  const out: string[] = [];
  for (let i = 1; i < states.length; i++) out.push(await gitDiff(merged(states, i - 1), merged(states, i)));
  return out;
}

/** State i as a whole tree: each state lists only the files it adds or changes. */
function merged(states: Files[], upTo: number): Files {
  const tree: Files = {};
  for (const s of states.slice(0, upTo + 1)) Object.assign(tree, s);
  return tree;
}
