import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError } from '../errors.js';
import { cleanEnv } from './isolation.js';
import { repositoryAt, runGit, scratchAt, tryGit } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'patchscope-git-run-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const folder = (): string => { const d = join(work, `d${++n}`); mkdirSync(d); return d; };

describe('the git door', { timeout: 30_000 }, () => {
  it('wraps a failing command in a GitError that keeps the command', async () => {
    const dir = folder();
    const err = await runGit(repositoryAt(dir), ['rev-parse', '--verify', 'HEAD']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).command).toEqual(['git', 'rev-parse', '--verify', 'HEAD']);
    expect((err as GitError).message).toContain(dir);
  });

  it('returns an expected failure as a value', async () => {
    const r = await tryGit(scratchAt(folder()), ['rev-parse', '--verify', 'HEAD']);
    expect(r.ok).toBe(false);
  });

  it('turns hooks, fsmonitor and transports off in both places', async () => {
    const dir = folder();
    await runGit(scratchAt(dir), ['init']);
    for (const place of [repositoryAt(dir), scratchAt(dir)]) {
      const get = async (key: string): Promise<string> => (await runGit(place, ['config', '--get', key])).trim();
      expect(await get('core.hooksPath')).toBe('/dev/null');
      expect(await get('core.fsmonitor')).toBe('false');
      expect(await get('protocol.allow')).toBe('never');
    }
  });

  it('a scratch repository reads no global config (the user\'s HOME), someone\'s repository does', async () => {
    const home = folder();
    writeFileSync(join(home, '.gitconfig'), '[patchscope]\n\tprobe = from-home\n');
    const dir = folder();
    await runGit(scratchAt(dir), ['init']);
    const saved = { HOME: process.env.HOME, XDG_CONFIG_HOME: process.env.XDG_CONFIG_HOME };
    process.env.HOME = home;
    process.env.XDG_CONFIG_HOME = join(home, '.config');
    try {
      expect(await runGit(scratchAt(dir), ['config', '--list', '--show-origin'])).not.toContain('from-home');
      expect(await runGit(repositoryAt(dir), ['config', '--list', '--show-origin'])).toContain('patchscope.probe=from-home');
    } finally {
      Object.assign(process.env, saved);
    }
  });

  it('strips the variables through which git would run a program or read other config', () => {
    const env = cleanEnv({ PATH: '/bin', GIT_SSH_COMMAND: 'x', git_dir: 'y', PAGER: 'z', EDITOR: 'e', HOME: '/h' }, { GIT_CONFIG_NOSYSTEM: '1' });
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', GIT_CONFIG_NOSYSTEM: '1' });
  });
});
