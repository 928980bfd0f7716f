import { describe, it, expect, afterEach } from 'vitest';
import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSeriesSet } from '../series/index.js';
import { loadInputCached, seriesCacheDir } from './series-cache.js';
import { parseCommand, type CommonOptions } from './args.js';

const MBOX = resolve(__dirname, '../..', 'fixtures/dmabuf-mapping-types/series.mbox');
// The defaults as the parser makes them, so a new common option cannot be left out here.
const COMMON: CommonOptions = (parseCommand(['show', '-q', 'x']) as { common: CommonOptions }).common;

let dir = '';
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('the parsed-series cache of the TUI start', () => {
  it('gives back what a fresh read gives, from the cache the second time, and reads again when the file changes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'patchscope-cache-'));
    const env = { XDG_CACHE_HOME: join(dir, 'cache') };
    const input = join(dir, 'series.mbox');
    copyFileSync(MBOX, input);
    const fresh = JSON.parse(JSON.stringify(await loadSeriesSet(input))) as unknown;
    const first = await loadInputCached(input, COMMON, env);
    expect(readdirSync(seriesCacheDir(env))).toHaveLength(1);
    const second = await loadInputCached(input, COMMON, env);
    expect(second).not.toBe(first);
    expect(second).toEqual(fresh);
    // A changed file is a new key: parsed again (one more message), never the old parse.
    appendFileSync(input, '\nFrom x@y Thu Jan  1 00:00:00 1970\nFrom: A <a@b>\nSubject: note\nMessage-ID: <late@x>\n\nhello\n');
    const third = await loadInputCached(input, COMMON, env);
    expect(third.messages).toBe(first.messages + 1);
    expect(readdirSync(seriesCacheDir(env))).toHaveLength(2);
  });

  it('is not used for stdin, series: inputs or with PATCHSCOPE_NO_CACHE', async () => {
    dir = mkdtempSync(join(tmpdir(), 'patchscope-cache-'));
    const env = { XDG_CACHE_HOME: join(dir, 'cache'), PATCHSCOPE_NO_CACHE: '1' };
    await loadInputCached(MBOX, COMMON, env);
    expect(() => readdirSync(seriesCacheDir(env))).toThrow();
  });
});
