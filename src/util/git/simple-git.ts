/**
 * simple-git, loaded the first time git runs: evaluating it (and its `debug` dependency) costs about
 * 20 ms of every start-up, and `show`, `am` or the TUI's first frame of a mail file run no git.
 */
import type { simpleGit } from 'simple-git';

let loaded: Promise<typeof simpleGit> | null = null;

export function loadSimpleGit(): Promise<typeof simpleGit> {
  loaded ??= import('simple-git').then((m) => m.simpleGit);
  return loaded;
}
