// A real SMTP server on loopback for tests that send (aiosmtpd via smtp-sink.py): started per use,
// stopped after. PYTHON is null when no python3 has aiosmtpd (Debian python3-aiosmtpd): skip then.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const SINK = resolve(__dirname, 'smtp-sink.py');

/** A python3 that has aiosmtpd (pyenv shims may hide Debian's). */
export const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => {
  try { execFileSync(p, ['-c', 'import aiosmtpd'], { stdio: 'ignore' }); return true; } catch { return false; }
}) ?? null;

export interface Received {
  bytes: Buffer;
  envelope: { from: string; to: string[] };
}

/** What the server received so far, in order. */
export function received(dir: string): Received[] {
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => ({
    bytes: readFileSync(join(dir, f)),
    envelope: JSON.parse(readFileSync(join(dir, f.replace('.eml', '.json')), 'utf8')) as Received['envelope'],
  }));
}

export async function withSmtpSink(use: (port: number, dir: string) => Promise<void>): Promise<void> {
  if (!PYTHON) throw new Error('no python3 with aiosmtpd');
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-smtp-'));
  const child = spawn(PYTHON, [SINK, dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((ok, fail) => {
      createInterface({ input: child.stdout! }).on('line', (l) => { const m = /^READY (\d+)$/.exec(l); if (m) ok(Number(m[1])); });
      child.on('exit', (code) => fail(new Error(`smtp-sink exited ${code}`)));
    });
    await use(port, dir);
  } finally {
    child.stdin!.end();
    await new Promise((ok) => { child.on('exit', ok); setTimeout(() => { child.kill(); ok(null); }, 5000); });
    rmSync(dir, { recursive: true, force: true });
  }
}
