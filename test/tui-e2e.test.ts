/**
 * End to end in a real pseudo-terminal: tmux runs the TUI at 120x40, we type as a reviewer would and
 * read the screen with capture-pane. Skips when tmux is not installed (CI may lack it) or the bundled
 * series has not been generated. Starts `node bin/patchscope INPUT` once the CLI wires the TUI,
 * else test/tui-e2e-run.mjs; both run the compiled dist/ (built by `npm ci`'s prepare step).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join, dirname } from 'node:path';
import { hasShared, sharedPath } from './support/shared.js';

const ROOT = resolve(__dirname, '..');
// PATCHSCOPE_E2E_MBOX runs the same walk on another series (it needs a patch 21 with a reply).
const MBOX = process.env.PATCHSCOPE_E2E_MBOX ?? resolve(ROOT, 'fixtures/dmabuf-mapping-types/series.mbox');
const SOCKET = `patchscope-e2e-${process.pid}`;
const SESSION = 'review';
// tmux 3.3a sometimes marks a pane dead without ever recording its exit status (#{pane_dead_status}
// stays empty): the command records its own status instead.
const STATUS_FILE = resolve(mkdtempSync(join(tmpdir(), 'patchscope-e2e-')), 'status');
/**
 * The panes' own review state: the run-wide XDG_STATE_HOME (global setup) may hold a review of the bundled
 * series that another test file saved, and a resumed review changes the rows these tests read.
 */
const OWN_STATE = `XDG_STATE_HOME=${join(dirname(STATUS_FILE), 'state')}`;

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const ready = hasTmux && existsSync(MBOX);

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll the screen until `test` holds; the last screen goes into the failure message. */
async function waitFor(test: (s: string) => boolean, what: string, ms = 60000, detail = () => ''): Promise<string> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until) {
    last = screen();
    if (test(last)) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} ${detail()}; screen was:\n${last}`);
}

/** One key at a time, as typed: Ink takes a burst of several characters as one paste. */
async function press(...keys: string[]): Promise<void> {
  for (const k of keys) {
    tmux('send-keys', '-t', SESSION, k);
    await sleep(40);
  }
}

function cliWiresTui(dir = resolve(ROOT, 'src/cli')): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory()
    ? cliWiresTui(resolve(dir, e.name))
    : /\.ts$/.test(e.name) && !e.name.endsWith('.test.ts') && readFileSync(resolve(dir, e.name), 'utf8').includes('runTui')));
}

/** `patchscope` with no INPUT opens the bundled series (and verifies its sequences) as a reviewer would. */
function command(): string[] {
  const input = process.env.PATCHSCOPE_E2E_MBOX ? [MBOX] : [];
  return cliWiresTui() ? ['node', resolve(ROOT, 'bin/patchscope'), ...input] : ['node', resolve(ROOT, 'test/tui-e2e-run.mjs'), MBOX];
}

describe.skipIf(!ready)('TUI end to end (tmux)', () => {
  beforeAll(() => {
    if (!existsSync(resolve(ROOT, 'dist/present/tui/index.js'))) {
      spawnSync('npx', ['tsc', '-p', resolve(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'ignore' });
    }
    tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '40', '-e', 'TERM=xterm-256color', '-e', OWN_STATE,
      // As under CI: the CLI must still draw frames on a terminal (Ink's CI mode draws none until exit).
      '-e', 'CI=true', '-e', `STATUS_FILE=${STATUS_FILE}`,
      'sh', '-c', '"$@"; echo "$?" > "$STATUS_FILE"', 'sh', ...command());
    tmux('set-option', '-t', SESSION, 'remain-on-exit', 'on');
  }, 60000);

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
    rmSync(dirname(STATUS_FILE), { recursive: true, force: true });
  });

  it('opens the bundled series, walks to patch 21, reads its replies and quits', async () => {
    // Loading, checks and the model's verification run before the first frame.
    const first = await waitFor((s) => /^ ?#\s+\+\/−/m.test(s), 'the patch table', 90000);
    expect(first).toContain('Add DMA-buf mapping types and convert vfio/iommufd to use them');
    expect(first).toMatch(/^›00 /m);

    await press(...Array<string>(21).fill('j'));
    const onRow = await waitFor((s) => /^›21 /m.test(s), 'the cursor on patch 21');
    expect(onRow).toMatch(/patchscope › v1 +patch 21\/26 /);

    await press('Enter');
    const patch = await waitFor((s) => s.includes('[PATCH RFC 21/26]'), 'patch 21');
    expect(patch).toContain('message + diff');
    expect(patch).toMatch(/patchscope › v1 › 21\/26/);

    await press('Tab');
    const replies = await waitFor((s) => /replies \(\d+\)/.test(s) && s.includes('┌'), 'the replies pane');
    expect(replies).toContain('Christian König');
    expect(replies).toMatch(/^›┌ Christian König/m);

    await press('q');
    await waitFor((s) => s.includes('R A T'), 'back on the series view');
    await press('q');
    const status = () => (existsSync(STATUS_FILE) ? readFileSync(STATUS_FILE, 'utf8').trim() : '');
    await waitFor(() => status() !== '', 'the TUI to exit', 60000, () => `(pane dead: ${tmux('display-message', '-p', '-t', SESSION, '#{pane_dead}').trim()})`);
    expect(status()).toBe('0');
  }, 180000);
});

describe.skipIf(!ready)('TUI end to end: quitting leaves a clean terminal (issue 17, bug 6)', () => {
  const socket = `patchscope-e2e-quit-${process.pid}`;
  const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  afterAll(() => { spawnSync('tmux', ['-L', socket, 'kill-server']); });

  /** The whole pane, scrollback included, as the reviewer would scroll back to it. */
  const history = (name: string) => run('capture-pane', '-p', '-S', '-', '-t', name);

  async function until(name: string, test: (s: string) => boolean, what: string): Promise<string> {
    for (const stop = Date.now() + 90000; Date.now() < stop; await sleep(100)) {
      const s = history(name);
      if (test(s)) return s;
    }
    throw new Error(`timed out waiting for ${what}; screen was:\n${history(name)}`);
  }

  it.each([['Q', 'Q'], ['Ctrl-C', 'C-c']])('%s quits to the shell with no frame left in the scrollback', async (label, key) => {
    const name = `quit-${label}`;
    run('new-session', '-d', '-s', name, '-x', '100', '-y', '30', '-e', 'CI=true', '-e', OWN_STATE, 'sh');
    const cmd = command().map((a) => `'${a}'`).join(' ');
    run('send-keys', '-t', name, `clear; ${cmd}; echo "EXIT=$?"`, 'Enter');
    await until(name, (s) => /^ ?#\s+\+\/−/m.test(s), 'the patch table');
    await sleep(300);
    run('send-keys', '-t', name, key);
    const after = await until(name, (s) => s.includes('EXIT='), 'the shell again');
    expect(after).toMatch(/EXIT=0/);
    expect(after).not.toContain('R A T');
    expect(after).not.toContain('patchscope ›');
    expect(run('display-message', '-p', '-t', name, '#{alternate_on}').trim()).toBe('0');
  }, 180000);
});

describe.skipIf(!ready || !hasShared('corpus'))('TUI end to end: pick a series from the archive index', () => {
  const socket = `patchscope-e2e-pick-${process.pid}`;
  const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-e2e-pick-'));
  const db = join(dir, 'index.sqlite');
  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists the indexed series, filters as the reviewer types, opens the chosen one and quits with 0', async () => {
    const threads = ['051', '054', '099'].map((n) => sharedPath('corpus', 'linaro-mm-sig', 'threads', n, 'thread.mbox'));
    execFileSync('node', [resolve(ROOT, 'bin/patchscope'), 'index', '--quiet', '--db', db, ...threads], { stdio: 'ignore' });
    const status = join(dir, 'status');
    run('new-session', '-d', '-s', 'pick', '-x', '140', '-y', '30', '-e', 'CI=true', '-e', OWN_STATE, '-e', `STATUS_FILE=${status}`,
      'sh', '-c', '"$@"; echo "$?" > "$STATUS_FILE"', 'sh', 'node', resolve(ROOT, 'bin/patchscope'), 'pick', '--db', db);
    run('set-option', '-t', 'pick', 'remain-on-exit', 'on');
    const pane = () => run('capture-pane', '-p', '-t', 'pick');
    const until = async (test: (s: string) => boolean, what: string) => {
      for (const stop = Date.now() + 90000; Date.now() < stop; await sleep(100)) if (test(pane())) return pane();
      throw new Error(`timed out waiting for ${what}; screen was:\n${pane()}`);
    };
    const first = await until((s) => s.includes('Pick a series'), 'the picker');
    expect(first).toMatch(/v5 +21p +Move all drivers to a common dma-buf locking convention/);
    expect(first).toMatch(/└ v6 +21p/);
    for (const ch of 'iommufd') { run('send-keys', '-t', 'pick', ch); await sleep(40); }
    await until((s) => /› iommufd▏ +1 of 3 versions/.test(s), 'the filtered list');
    run('send-keys', '-t', 'pick', 'Enter');
    const review = await until((s) => /^ ?#\s+\+\/−/m.test(s), 'the review of the chosen series');
    expect(review).toContain('Initial DMABUF support for iommufd');
    run('send-keys', '-t', 'pick', 'Q');
    await until(() => existsSync(status) && readFileSync(status, 'utf8').trim() !== '', 'the exit');
    expect(readFileSync(status, 'utf8').trim()).toBe('0');
  }, 240000);
});
