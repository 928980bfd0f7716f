/**
 * git as a long-lived stream (public-inbox's `cat-file --batch`, `rev-list` over an epoch of
 * gigabytes): simple-git's `raw()` buffers a command's whole output, so these few commands use
 * child_process.spawn directly, with the same program-running settings off (`-c` pairs of
 * isolation.ts), the same guarded variables stripped from the environment, a fixed argv built by
 * the caller from validated parts, and no shell.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { cleanEnv, configArgs, PROGRAMS_OFF } from './isolation.js';

export function spawnGit(args: readonly string[], stdio: StdioOptions): ChildProcess {
  return spawn('git', [...configArgs(PROGRAMS_OFF), ...args], { stdio, env: cleanEnv(process.env) });
}
