// Opening a series by Message-ID from a REAL public-inbox server (Debian's public-inbox): an inbox made
// with public-inbox-init -V2, seeded with public-inbox-mda from the bundled RFC (cover, patches 1-2) and
// its v2 (cover, patches 1-2; public-inbox-mda takes about a second a message here, so not all 60), served by public-inbox-httpd on a free loopback port that this
// suite starts and stops (its whole process group). Skipped, with the reason printed, when the package is
// absent; CI installs it (.ci/apt-packages). The CLI is run as a user runs it, with HOME, the XDG cache and
// git config in a temporary folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mboxMessages, publicInboxMissing, seedInbox, startHttpd } from './support/public-inbox.mjs';

const ROOT = resolve(__dirname, '..');
const BIN = resolve(ROOT, 'bin/patchscope');
const FIXTURE = resolve(ROOT, 'fixtures/dmabuf-mapping-types');
const V1 = '0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com';
const V2_PATCH1 = '1-v2-7d3e9a41c2b8+2f5-dmabuf_map_type_jgg@nvidia.com';

const missing = publicInboxMissing();
if (missing) process.stderr.write(`public-inbox suite skipped: ${missing}\n`);

/** The messages whose Message-Id starts with one of `prefixes` (0-v1, 1-v1, …), in mbox order. */
function pick(file: string, prefixes: string[]): Buffer[] {
  return mboxMessages(join(FIXTURE, file)).filter((m: Buffer) => {
    const id = /^Message-I[dD]: <([^>]+)>/m.exec(m.toString('latin1'))?.[1] ?? '';
    return prefixes.some((p) => id.startsWith(p));
  });
}

describe.skipIf(missing !== null)('Message-ID inputs against a real public-inbox server', () => {
  let dir = '';
  let home = '';
  let inbox = '';
  let stop: () => void = () => {};
  const v1 = () => pick('series.mbox', ['0-v1-', '1-v1-', '2-v1-']);
  const v2 = () => pick('series-v2.mbox', ['0-v2-', '1-v2-', '2-v2-']);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'patchscope-pi-'));
    const v1msgs = v1();
    const v2msgs = v2();
    expect(v1msgs).toHaveLength(3);
    expect(v2msgs).toHaveLength(3);
    const served = seedInbox(join(dir, 'pi'), 'test', [...v1msgs, ...v2msgs]);
    // The same messages as local files, to compare what the server gives with what the files give.
    writeFileSync(join(dir, 'v1.mbox'), v1msgs.map((m) => Buffer.concat([Buffer.from('From mboxrd@z Thu Jan  1 00:00:00 1970\n'), m])).reduce((a, b) => Buffer.concat([a, b])));
    writeFileSync(join(dir, 'v2.mbox'), v2msgs.map((m) => Buffer.concat([Buffer.from('From mboxrd@z Thu Jan  1 00:00:00 1970\n'), m])).reduce((a, b) => Buffer.concat([a, b])));
    const httpd = await startHttpd(served, 'test');
    inbox = httpd.inbox;
    stop = httpd.stop;
    home = join(dir, 'user');
    mkdirSync(home);
  }, 300_000);
  afterAll(() => {
    stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function run(args: string[], env: Record<string, string> = {}) {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'cache'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: join(home, '.gitconfig'), FORCE_COLOR: '0', PATCHSCOPE_SERVER: '', ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }
  /** show --json without the per-input names (source paths differ between a file and a Message-ID). */
  const shape = (json: string) => JSON.stringify(JSON.parse(json), (k, v) => (k === 'source' || k === 'origin' ? undefined : v));

  it('every input form fetches the thread; what it gives equals the same messages read from a file', () => {
    const local = run(['show', '--json', join(dir, 'v1.mbox')]);
    expect(local.code).toBe(0);
    for (const input of [`<${V1}>`, V1, `lore:${V1}`, `${inbox}${V1}/`, `${inbox}${encodeURIComponent(V1)}/T/#u`]) {
      const r = run(['show', '--json', '--no-cache', '--server', inbox, input]);
      expect(r.code, `${input}: ${r.err}`).toBe(0);
      expect(shape(r.out), input).toBe(shape(local.out));
    }
  });

  it('says when the server holds a newer version, found by its patch 1 subject and author', () => {
    const r = run(['show', '--server', inbox, `<${V1}>`]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`${inbox} holds a newer version of this series: v2 ([PATCH v2 01/20] dma-buf: Introduce DMA-buf mapping types); open it with patchscope '<${V2_PATCH1}>'`);
    // v2 opened: nothing newer to say.
    const r2 = run(['show', '--server', inbox, `<${V2_PATCH1}>`]);
    expect(r2.code).toBe(0);
    expect(r2.err).not.toMatch(/newer version/);
  });

  it('diff MSGID -v 1 -v 2 fetches v2 from its own thread: the same range-diff as the two files', () => {
    const files = run(['diff', join(dir, 'v1.mbox'), join(dir, 'v2.mbox')]);
    expect(files.code).toBe(0);
    expect(files.out).toMatch(/dma-buf: Introduce DMA-buf mapping types/);
    const r = run(['diff', '--no-cache', '--server', inbox, `<${V1}>`, '-v', '1', '-v', '2']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(files.out);
    const none = run(['diff', '-q', '--server', inbox, `<${V1}>`, '-v', '1', '-v', '3']);
    expect(none.code).toBe(2);
    expect(none.err.trim()).toBe(`patchscope: <${V1}>: no version 3 of a series here (versions: v1; ${inbox} holds v1, v2)`);
  });

  it('the server comes from PATCHSCOPE_SERVER, git config patchscope.server, then b4.midmask', () => {
    expect(run(['show', '--json', `<${V1}>`], { PATCHSCOPE_SERVER: inbox }).code).toBe(0);
    writeFileSync(join(home, '.gitconfig'), `[b4]\n\tmidmask = ${inbox}%s\n`);
    expect(run(['show', '--json', '--no-cache', `<${V1}>`]).code).toBe(0);
    writeFileSync(join(home, '.gitconfig'), `[b4]\n\tmidmask = http://127.0.0.1:9/none/%s\n[patchscope]\n\tserver = ${inbox}\n`);
    expect(run(['show', '--json', '--no-cache', `<${V1}>`]).code).toBe(0);
    rmSync(join(home, '.gitconfig'));
  });

  it('404 from public-inbox: one line, exit 2', () => {
    const r = run(['show', '--server', inbox, '<no-such-message@example.org>']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`patchscope: <no-such-message@example.org>: no such message on ${inbox}\n`);
  });

  it('the fetched thread is cached (atomically: no temporary files left) and used when the server is gone, said in one line', async () => {
    const cache = join(home, 'cache', 'patchscope', 'remote');
    expect(run(['show', '--server', inbox, `<${V1}>`]).code).toBe(0);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    stop();
    await new Promise((r) => setTimeout(r, 500));
    const fresh = run(['show', '-q', '--server', inbox, `<${V1}>`]);
    expect(fresh.code).toBe(0);
    const stale = run(['show', '--cache-max-age', '0', '--server', inbox, `<${V1}>`]);
    expect(stale.code).toBe(0);
    expect(stale.out).toMatch(/Add DMA-buf mapping types and convert vfio\/iommufd to use them/);
    expect(stale.err).toMatch(new RegExp(`^patchscope: ${inbox.replace(/[.]/g, '\\.')}: cannot reach the server \\(ECONNREFUSED: connection refused\\); using the cached copy fetched `));
    const none = run(['show', '--no-cache', '--server', inbox, `<${V1}>`]);
    expect(none.code).toBe(2);
    expect(none.err).toBe(`patchscope: ${inbox}: cannot reach the server (ECONNREFUSED: connection refused)\n`);
  });
});
