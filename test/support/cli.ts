// The real CLI, spawned as a user runs it (bin/patchscope → dist/, built by global setup).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { REPO_ROOT } from './shared.js';

export const BIN = resolve(REPO_ROOT, 'bin/patchscope');

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** `patchscope ARGS` in the repository, no colour; `input` is its stdin. */
export function runCli(args: string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, input, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A bash command line with $BIN set to the CLI (for redirections and ulimit). */
export function runShell(command: string): CliRun {
  const r = spawnSync('bash', ['-c', command], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', BIN } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Bad input or usage: exit 2, one line on stderr matching `pattern`, no stack trace. */
export function expectOneLineError(r: CliRun, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.err).toMatch(pattern);
  expect(r.err.trim().split('\n')).toHaveLength(1);
  expect(r.err).not.toMatch(/\n\s+at /);
}
