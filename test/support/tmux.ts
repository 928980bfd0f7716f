/** Driving a TUI in a real tmux session: start, read the screen, wait for text, send keys and text. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/patchscope', import.meta.url));

export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TmuxDriver {
  tmux: (...args: string[]) => string;
  screen: () => string;
  /** The screen once it shows `text`; throws with the last screen after `ms`. */
  waitFor: (text: string, ms?: number) => Promise<string>;
  /** Keys by tmux's names (`Enter`, `Escape`) or single characters, one at a time. */
  press: (...keys: string[]) => Promise<void>;
  /** Literal text, a character at a time (as typed). */
  typeText: (text: string) => Promise<void>;
  /**
   * `patchscope ARGS` in a new 120x40 session, kept on screen after it exits, as a reviewer's terminal: HOME is
   * `home`, review state under `home/state` (never the user's), no system git config, and `env` besides.
   */
  startPatchscope: (home: string, args: string[], env?: Record<string, string>) => void;
  kill: () => void;
}

/** A driver on tmux server `socket` (`-L`), session `session`. */
export function tmuxDriver(socket: string, session: string): TmuxDriver {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', session);
  return {
    tmux,
    screen,
    async waitFor(text, ms = 60000) {
      const until = Date.now() + ms;
      let last = '';
      while (Date.now() < until) {
        last = screen();
        if (last.includes(text)) return last;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${JSON.stringify(text)}; screen was:\n${last}`);
    },
    async press(...keys) {
      for (const k of keys) {
        tmux('send-keys', '-t', session, k);
        await sleep(40);
      }
    },
    async typeText(text) {
      for (const ch of text) {
        tmux('send-keys', '-t', session, '-l', ch);
        await sleep(15);
      }
    },
    startPatchscope(home, args, env = {}) {
      const vars = { TERM: 'xterm-256color', CI: 'true', HOME: home, XDG_STATE_HOME: join(home, 'state'), ...env, GIT_CONFIG_NOSYSTEM: '1' };
      tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
        'node', BIN, ...args);
      tmux('set-option', '-t', session, 'remain-on-exit', 'on');
    },
    kill: () => { spawnSync('tmux', ['-L', socket, 'kill-server']); },
  };
}
