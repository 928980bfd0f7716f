/**
 * The yank key's way to the clipboard (tmux, vim and lazygit habits): OSC 52 when the terminal is
 * known to take it, else wl-copy, xclip or pbcopy, else a file whose name the status line gives.
 * Only text patchscope writes (a trace's replay string) is ever yanked, and it is sanitised first:
 * mail text never reaches the terminal this way.
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { sanitizeForTerminal } from '../sanitize.js';

export type YankResult =
  | { via: 'osc52' }
  | { via: 'command'; command: string }
  | { via: 'file'; path: string }
  | { via: 'none'; why: string };

export interface ClipboardEnv {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** Writes to the terminal (the OSC 52 sequence). */
  write: (s: string) => void;
  /** Runs a clipboard program with the text on its stdin; true when it succeeded. */
  run: (command: string, args: string[], input: string) => boolean;
  /** Where the file fallback goes. */
  fileDir: string;
}

/** Terminals that take OSC 52 writes by default (tmux passes them on with its default set-clipboard). */
export function osc52Allowed(env: NodeJS.ProcessEnv): boolean {
  if (env.PATCHSCOPE_OSC52 === '0') return false;
  if (env.PATCHSCOPE_OSC52 === '1') return true;
  const term = env.TERM ?? '';
  return Boolean(env.TMUX || env.KITTY_WINDOW_ID || env.WEZTERM_PANE || env.ALACRITTY_WINDOW_ID)
    || /^(xterm-kitty|alacritty|foot|wezterm|xterm-ghostty)/.test(term)
    || ['iTerm.app', 'WezTerm', 'vscode', 'ghostty'].includes(env.TERM_PROGRAM ?? '');
}

/** Clipboard programs to try, in order, for this session. */
export function clipboardCommands(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): [string, string[]][] {
  const out: [string, string[]][] = [];
  if (platform === 'darwin') out.push(['pbcopy', []]);
  if (env.WAYLAND_DISPLAY) out.push(['wl-copy', []]);
  if (env.DISPLAY) out.push(['xclip', ['-selection', 'clipboard']]);
  return out;
}

export function yank(text: string, io: ClipboardEnv): YankResult {
  const safe = sanitizeForTerminal(text).replace(/\n/g, ' ');
  if (!safe) return { via: 'none', why: 'nothing to copy' };
  if (osc52Allowed(io.env)) {
    io.write(`\x1b]52;c;${Buffer.from(safe, 'utf8').toString('base64')}\x07`);
    return { via: 'osc52' };
  }
  for (const [command, args] of clipboardCommands(io.env, io.platform)) {
    if (io.run(command, args, safe)) return { via: 'command', command };
  }
  const path = join(io.fileDir, 'patchscope-replay.txt');
  try {
    writeFileAtomic(path, `${safe}\n`);
    return { via: 'file', path };
  } catch (e) {
    return { via: 'none', why: e instanceof Error ? e.message : String(e) };
  }
}

/** The process's own terminal, environment and programs. */
export function systemClipboard(stdout: NodeJS.WriteStream): ClipboardEnv {
  return {
    env: process.env,
    platform: process.platform,
    write: (s) => { stdout.write(s); },
    run: (command, args, input) => {
      const r = spawnSync(command, args, { input, stdio: ['pipe', 'ignore', 'ignore'], timeout: 2000 });
      return r.status === 0;
    },
    fileDir: tmpdir(),
  };
}

/** The status line's words for a yank. */
export function describeYank(r: YankResult, what: string): string {
  switch (r.via) {
    case 'osc52': return `${what} copied (OSC 52)`;
    case 'command': return `${what} copied (${r.command})`;
    case 'file': return `no clipboard here: ${what} written to ${r.path}`;
    case 'none': return `could not copy ${what}: ${r.why}`;
  }
}
