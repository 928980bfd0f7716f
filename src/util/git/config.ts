/**
 * The user's own global git config, read synchronously (checkpatch's location is decided while
 * options are read). Same settings off and same environment cleaning as every other git call.
 */
import { execFileSync } from 'node:child_process';
import { cleanEnv, configArgs, PROGRAMS_OFF } from './isolation.js';

/** `git config --global --get KEY`, or null (no git, no such setting). */
export function globalConfigValue(key: string): string | null {
  try {
    const value = execFileSync('git', [...configArgs(PROGRAMS_OFF), 'config', '--global', '--get', '--', key], {
      encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: cleanEnv(process.env),
    });
    return value.trim() || null;
  } catch {
    return null;
  }
}
