import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SERVER, normaliseServer, resolveServer } from './server.js';

describe('normaliseServer', () => {
  it("takes b4's midmask and plain inbox URLs to one form ending in /", () => {
    expect(normaliseServer('https://lore.kernel.org/all/%s', 'b4.midmask')).toBe('https://lore.kernel.org/all/');
    expect(normaliseServer('http://127.0.0.1:8080/test', 'x')).toBe('http://127.0.0.1:8080/test/');
    expect(normaliseServer(' https://lore.kernel.org/linux-media// ', 'x')).toBe('https://lore.kernel.org/linux-media/');
  });

  it('refuses what is not an http(s) inbox URL, naming where it came from', () => {
    expect(() => normaliseServer('ftp://h/', '--server')).toThrow('--server: "ftp://h/" is not an http(s) URL');
    expect(() => normaliseServer('lore', 'PATCHSCOPE_SERVER')).toThrow(/^PATCHSCOPE_SERVER: "lore" is not a URL/);
    expect(() => normaliseServer('https://h/all/?q=x', 'git config patchscope.server')).toThrow(/query or fragment/);
  });
});

describe('resolveServer', () => {
  const dirs: string[] = [];
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  /** git config read from a file of ours only (git reads GIT_CONFIG_GLOBAL from the environment it is run with). */
  function gitconfig(text: string): string {
    const d = mkdtempSync(join(tmpdir(), 'patchscope-server-'));
    dirs.push(d);
    writeFileSync(join(d, 'gitconfig'), text);
    process.env.GIT_CONFIG_GLOBAL = join(d, 'gitconfig');
    process.env.GIT_CONFIG_NOSYSTEM = '1';
    return d;
  }

  it('--server, then PATCHSCOPE_SERVER, then patchscope.server, then b4.midmask, then lore /all/', async () => {
    const cwd = gitconfig('[b4]\n\tmidmask = http://b4.example/list/%s\n[patchscope]\n\tserver = http://own.example/inbox\n');
    const env = { PATCHSCOPE_SERVER: 'http://env.example/i/' };
    expect(await resolveServer({ option: 'http://opt.example/x', env, cwd })).toEqual({ url: 'http://opt.example/x/', from: '--server' });
    expect(await resolveServer({ env, cwd })).toEqual({ url: 'http://env.example/i/', from: 'PATCHSCOPE_SERVER' });
    expect(await resolveServer({ env: {}, cwd })).toEqual({ url: 'http://own.example/inbox/', from: 'git config patchscope.server' });
    gitconfig('[b4]\n\tmidmask = http://b4.example/list/%s\n');
    expect(await resolveServer({ env: {}, cwd })).toEqual({ url: 'http://b4.example/list/', from: 'git config b4.midmask' });
    gitconfig('');
    expect(await resolveServer({ env: {}, cwd })).toEqual({ url: DEFAULT_SERVER, from: 'default' });
  });
});
