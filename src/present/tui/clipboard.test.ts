import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeYank, yank, type ClipboardEnv } from './clipboard.js';

const REPLAY = 'as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)';

function fake(env: NodeJS.ProcessEnv, works: string[] = []) {
  const written: string[] = [];
  const ran: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-yank-'));
  const io: ClipboardEnv = {
    env, platform: 'linux', fileDir: dir,
    write: (s) => { written.push(s); },
    run: (command) => { ran.push(command); return works.includes(command); },
  };
  return { io, written, ran, dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('yank', () => {
  it('writes OSC 52 with the text in base64 when the terminal takes it (tmux), running nothing', () => {
    const f = fake({ TMUX: '/tmp/tmux-0/default,1,0' });
    try {
      expect(yank(REPLAY, f.io)).toEqual({ via: 'osc52' });
      expect(f.written).toEqual([`\x1b]52;c;${Buffer.from(REPLAY).toString('base64')}\x07`]);
      expect(f.ran).toEqual([]);
    } finally { f.done(); }
  });

  it('else tries wl-copy then xclip, stopping at the first that works', () => {
    const f = fake({ WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, ['xclip']);
    try {
      expect(yank(REPLAY, f.io)).toEqual({ via: 'command', command: 'xclip' });
      expect(f.ran).toEqual(['wl-copy', 'xclip']);
      expect(f.written).toEqual([]);
    } finally { f.done(); }
  });

  it('else writes a file and names it', () => {
    const f = fake({});
    try {
      const r = yank(REPLAY, f.io);
      expect(r).toEqual({ via: 'file', path: join(f.dir, 'patchscope-replay.txt') });
      expect(readFileSync(join(f.dir, 'patchscope-replay.txt'), 'utf8')).toBe(`${REPLAY}\n`);
      expect(describeYank(r, 'replay string')).toBe(`no clipboard here: replay string written to ${join(f.dir, 'patchscope-replay.txt')}`);
    } finally { f.done(); }
  });

  it('never lets a control sequence through, even inside OSC 52', () => {
    const f = fake({ PATCHSCOPE_OSC52: '1' });
    try {
      yank('attach\x1b]52;c;ZXZpbA==\x07(x)\x1b[2J', f.io);
      expect(Buffer.from(f.written[0]!.slice('\x1b]52;c;'.length, -1), 'base64').toString()).toBe('attach(x)');
    } finally { f.done(); }
  });
});
