/**
 * git as a spawned stream, for the one reader that cannot go through simple-git: a public-inbox
 * epoch (src/archive/public-inbox.ts). Its `rev-list` and long-lived `cat-file --batch` stream
 * gigabytes (simple-git's `raw()` buffers a command's whole output), and the epoch is addressed
 * with `--git-dir=` so git never discovers a repository above it (simple-git refuses `--git-dir`
 * as an unsafe config path). These spawns get the same program-running settings off (`-c` pairs of
 * isolation.ts), the same guarded variables stripped from the environment, an argv the caller builds
 * from validated parts (object ids checked, never mail text), and no shell.
 */
import { spawn, type ChildProcess, type ChildProcessByStdio, type ChildProcessWithoutNullStreams, type StdioOptions } from 'node:child_process';
import type { Readable } from 'node:stream';
import { cleanEnv, configArgs, PROGRAMS_OFF } from './isolation.js';

export function spawnGit(args: readonly string[], stdio: ['pipe', 'pipe', 'pipe']): ChildProcessWithoutNullStreams;
export function spawnGit(args: readonly string[], stdio: ['ignore', 'pipe', 'pipe']): ChildProcessByStdio<null, Readable, Readable>;
export function spawnGit(args: readonly string[], stdio: ['ignore', 'pipe', 'ignore']): ChildProcessByStdio<null, Readable, null>;
export function spawnGit(args: readonly string[], stdio: ['ignore', 'ignore', 'ignore']): ChildProcessByStdio<null, null, null>;
export function spawnGit(args: readonly string[], stdio: StdioOptions): ChildProcess {
  return spawn('git', [...configArgs(PROGRAMS_OFF), ...args], { stdio, env: cleanEnv(process.env) });
}
