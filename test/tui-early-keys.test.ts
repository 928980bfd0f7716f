/**
 * Keys typed during start-up, in a real terminal (tmux, 120x40): the reviewer starts `patchscope`
 * and types as soon as the plain first frame is up (while the checks run and Ink loads; see
 * src/present/tui/start.ts). The keys are read then and given to the TUI when Ink takes over: the
 * cursor ends where they moved it. ^C typed then quits as the TUI's ^C does (exit 0 on the bundled
 * series, the terminal left clean) without waiting for Ink. Skips without tmux.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HAS_TMUX, tmuxDriver } from './support/tmux.js';

const ROOT = resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!HAS_TMUX)('TUI: keys typed before Ink has loaded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-early-keys-'));
  const driver = (name: string) => tmuxDriver(`patchscope-early-keys-${process.pid}`, name);
  const run = driver('').tmux;
  afterAll(() => {
    driver('').kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `patchscope` (the bundled series) in a fresh pane; its exit status lands in a file. */
  function start(name: string): { pane: () => string; status: () => string } {
    const status = join(dir, `${name}.status`);
    run('new-session', '-d', '-s', name, '-x', '120', '-y', '40', '-e', 'CI=true', '-e', `STATUS_FILE=${status}`,
      'sh', '-c', '"$@"; echo "$?" > "$STATUS_FILE"', 'sh', 'node', resolve(ROOT, 'bin/patchscope'));
    run('set-option', '-t', name, 'remain-on-exit', 'on');
    return {
      pane: driver(name).screen,
      status: () => (existsSync(status) ? readFileSync(status, 'utf8').trim() : ''),
    };
  }

  async function until(test: () => boolean, what: string, last: () => string, pollMs = 100): Promise<void> {
    for (const stop = Date.now() + 90000; Date.now() < stop; await sleep(pollMs)) if (test()) return;
    throw new Error(`timed out waiting for ${what}; screen was:\n${last()}`);
  }

  it('keys typed on the plain first frame move the cursor once the TUI is up', async () => {
    const s = start('keys');
    // Typed as soon as anything is on screen: the plain frame, drawn before the checks and Ink.
    await until(() => s.pane().includes('patchscope ›'), 'the first frame', s.pane, 10);
    for (const key of ['j', 'j', 'j']) run('send-keys', '-t', 'keys', key);
    await until(() => /^›03 /m.test(s.pane()), 'the cursor on patch 03', s.pane);
    expect(s.pane()).toMatch(/patchscope › v1 +patch 3\/26 /);
    // Ink has the keyboard now: one more key moves on from there.
    run('send-keys', '-t', 'keys', 'j');
    await until(() => /^›04 /m.test(s.pane()), 'the cursor on patch 04', s.pane);
    run('send-keys', '-t', 'keys', 'Q');
    await until(() => s.status() !== '', 'the exit', s.pane);
    expect(s.status()).toBe('0');
  }, 180000);

  it('^C typed on the plain first frame quits with a clean terminal', async () => {
    const s = start('ctrl-c');
    await until(() => s.pane().includes('patchscope ›'), 'the first frame', s.pane, 10);
    run('send-keys', '-t', 'ctrl-c', 'C-c');
    await until(() => s.status() !== '', 'the exit', s.pane);
    expect(s.status()).toBe('0');
    expect(run('display-message', '-p', '-t', 'ctrl-c', '#{alternate_on}').trim()).toBe('0');
    expect(s.pane()).not.toContain('patchscope ›');
  }, 180000);
});
