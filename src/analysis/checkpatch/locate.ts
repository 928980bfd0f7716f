/**
 * Which checkpatch.pl to run, if any, in the order `b4 prep --check` would find one: the path the user named
 * (`--checkpatch PATH`, or `off`), $PATCHSCOPE_CHECKPATCH, the user's own git config (`patchscope.checkpatch`,
 * global only: a repository's config must not choose a program we run), then `scripts/checkpatch.pl` of a base tree.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globalConfigValue } from '../../util/git/index.js';

export type CheckpatchChoice =
  | { kind: 'script'; path: string; from: string }
  | { kind: 'none' }
  /** Named but not usable: the run goes on natively, with this note. */
  | { kind: 'unusable'; note: string };

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function named(path: string, from: string): CheckpatchChoice {
  if (path === 'off') return { kind: 'none' };
  if (isFile(path)) return { kind: 'script', path, from };
  return { kind: 'unusable', note: `checkpatch: ${from} names ${path}, which is not a file; native checks only` };
}

/** `git config --global --get patchscope.checkpatch`, or null (no git, no setting). */
function globalSetting(): string | null {
  return globalConfigValue('patchscope.checkpatch');
}

export interface LocateOptions {
  /** `--checkpatch PATH|off`. */
  flag?: string | null;
  /** A base tree folder (a kernel tree carries scripts/checkpatch.pl). */
  baseDir?: string | null;
  env?: NodeJS.ProcessEnv;
  /** Read the user's git config (tests turn it off). */
  gitConfig?: boolean;
}

export function locateCheckpatch(opts: LocateOptions): CheckpatchChoice {
  if (opts.flag) return named(opts.flag, '--checkpatch');
  const env = opts.env ?? process.env;
  if (env.PATCHSCOPE_CHECKPATCH) return named(env.PATCHSCOPE_CHECKPATCH, 'PATCHSCOPE_CHECKPATCH');
  const setting = opts.gitConfig === false ? null : globalSetting();
  if (setting !== null) return named(setting, 'git config patchscope.checkpatch');
  if (opts.baseDir) {
    const inTree = join(opts.baseDir, 'scripts', 'checkpatch.pl');
    if (isFile(inTree)) return { kind: 'script', path: inTree, from: 'the base tree' };
  }
  return { kind: 'none' };
}
