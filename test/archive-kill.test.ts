// Issue 8: the index survives being killed mid-write. A child process indexes a generated
// archive and is killed (SIGKILL) after its first committed batch; a second run then completes
// and must give exactly the index of one clean run.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSeries, indexArchives, openIndex } from '../src/archive/index.js';
import { writeEpoch, patchBody } from '../src/archive/test-archive.test-util.js';

const ROOT = resolve(__dirname, '..');
let dir: string;
let archive: string;
let epoch: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-kill-'));
  archive = join(dir, 'list.mboxrd');
  execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '6', '--out', archive], { stdio: 'ignore' });
  epoch = join(dir, 'e.git');
  writeEpoch(epoch, [
    { id: 'k0@x', subject: '[PATCH 0/1] dma-buf: Tail series', minute: 1, body: 'cover\n' },
    { id: 'k1@x', subject: '[PATCH 1/1] dma-buf: Tail patch', minute: 2, inReplyTo: 'k0@x', body: patchBody('Tail', 'a.c') },
  ]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything the index answers, in a comparable form. */
function dump(path: string): string {
  const db = openIndex(path);
  const rows = db.prepare('SELECT s.path, m.position, m.msgid, m.kind, m.subject FROM messages m JOIN sources s ON s.id = m.source_id ORDER BY s.path, m.id').all();
  const sources = db.prepare('SELECT path, cursor, complete FROM sources ORDER BY path').all();
  const out = JSON.stringify({ rows, sources, found: findSeries(db, '') });
  db.close();
  return out;
}

function killAfterFirstBatch(db: string): Promise<void> {
  const child = join(dir, 'child.mjs');
  const index = pathToFileURL(join(ROOT, 'dist', 'archive', 'index.js')).href;
  writeFileSync(child, `const a = await import(${JSON.stringify(index)});
await a.indexArchives(${JSON.stringify([archive, epoch])}, { db: ${JSON.stringify(db)}, threads: 0, onProgress: () => process.stdout.write('batch\\n') });
process.stdout.write('finished\\n');`);
  const proc = spawn(process.execPath, [child], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((done) => {
    proc.stdout.once('data', () => proc.kill('SIGKILL'));
    proc.once('close', () => done());
  });
}

describe('archive index: killed mid-write', () => {
  it('a second run completes and equals a clean run', async () => {
    const clean = join(dir, 'clean.sqlite');
    await indexArchives([archive, epoch], { db: clean, threads: 0 });
    const killed = join(dir, 'killed.sqlite');
    await killAfterFirstBatch(killed);
    const partial = openIndex(killed);
    const [{ n }] = partial.prepare<{ n: number }>('SELECT count(*) AS n FROM messages').all() as [{ n: number }];
    const [{ total }] = openIndex(clean).prepare<{ total: number }>('SELECT count(*) AS total FROM messages').all() as [{ total: number }];
    partial.close();
    // Killed mid-way: some batches committed, not all.
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(total);
    const resumed = await indexArchives([archive, epoch], { db: killed, threads: 0 });
    expect(resumed.indexed).toBe(total - n);
    expect(dump(killed)).toEqual(dump(clean));
  });
});
