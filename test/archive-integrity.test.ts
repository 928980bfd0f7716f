// Issue 12, items 7 to 9: the index survives concurrent runs and a kill among them, notices an
// archive rewritten in place with the same size, says when it is incomplete, and refuses a --db
// that is not an index of ours.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSeries, indexArchives, indexState, openIndex } from '../src/archive/index.js';
import { mboxText, patchBody, writeMbox, type TestMail } from '../src/archive/test-archive.test-util.js';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'patchscope');
let dir: string;
let archive: string;
let folder: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'patchscope-integrity-'));
  archive = join(dir, 'list.mboxrd');
  execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '3', '--seed', '3', '--out', archive], { stdio: 'ignore' });
  // A list archive as a folder of monthly files: runs that resume from each other's cursors.
  folder = join(dir, 'months');
  mkdirSync(folder);
  for (const seed of [4, 5, 6]) {
    execFileSync(process.execPath, [join(ROOT, 'bench', 'gen-archive.mjs'), '--mb', '1', '--seed', String(seed), '--out', join(folder, `2026-0${seed}.mbox`)], { stdio: 'ignore' });
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Everything the index answers, in a comparable form. */
function dump(path: string): string {
  const db = openIndex(path);
  try {
    const rows = db.prepare('SELECT s.path, m.position, m.msgid, m.kind, m.subject FROM messages m JOIN sources s ON s.id = m.source_id ORDER BY s.path, m.position').all();
    const sources = db.prepare('SELECT path, cursor, complete FROM sources ORDER BY path').all();
    return JSON.stringify({ rows, sources, found: findSeries(db, '') });
  } finally {
    db.close();
  }
}

/** A child process that indexes `archives` into `db`, saying `batch` after each batch and `waiting` when it waits. */
function indexChild(db: string, archives: string[]): ReturnType<typeof spawn> {
  const child = join(dir, 'child.mjs');
  const index = pathToFileURL(join(ROOT, 'dist', 'archive', 'index.js')).href;
  writeFileSync(child, `const a = await import(${JSON.stringify(index)});
const [db, ...archives] = process.argv.slice(2);
await a.indexArchives(archives, { db, threads: 0, onWait: () => process.stdout.write('waiting\\n'), onProgress: () => process.stdout.write(\`batch \${Date.now()}\\n\`) });
process.stdout.write(\`finished \${Date.now()}\\n\`);`);
  return spawn(process.execPath, [child, db, ...archives], { stdio: ['ignore', 'pipe', 'pipe'] });
}

interface ChildEnd { code: number | null; signal: string | null; out: string; err: string }
const ended = (p: ReturnType<typeof spawn>): Promise<ChildEnd> =>
  new Promise((done) => {
    let out = '';
    let err = '';
    p.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    p.once('close', (code, signal) => done({ code, signal, out, err }));
  });

describe('archive index: concurrent runs on one --db (item 7)', () => {
  it('serialises writers: six runs at once, one killed mid-way, leave exactly the index of one clean run', async () => {
    const clean = join(dir, 'clean.sqlite');
    await indexArchives([archive, folder], { db: clean, threads: 0 });
    const db = join(dir, 'shared.sqlite');
    const runs = Array.from({ length: 6 }, () => indexChild(db, [archive, folder]));
    const ends = runs.map(ended);
    // Kill the first run seen writing (it holds the writer's lock) after its first batch.
    let killed: ReturnType<typeof spawn> | null = null;
    for (const r of runs) {
      r.stdout!.on('data', (d: Buffer) => {
        if (killed === null && d.toString().includes('batch')) {
          killed = r;
          r.kill('SIGKILL');
        }
      });
    }
    const results = await Promise.all(ends);
    expect(killed).not.toBeNull();
    const survivors = results.filter((_, i) => runs[i] !== killed);
    for (const s of survivors) expect(s, s.err).toMatchObject({ code: 0, signal: null });
    // The others waited for the one writing rather than writing beside it.
    expect(survivors.filter((s) => s.out.includes('waiting')).length).toBeGreaterThan(0);
    // Writing runs never overlapped: from its first batch to its end, each run had the index alone.
    const spans = survivors.flatMap((s) => {
      const first = /^batch (\d+)$/m.exec(s.out);
      const end = /^finished (\d+)$/m.exec(s.out);
      return first && end ? [[Number(first[1]), Number(end[1])] as const] : [];
    });
    expect(spans.length).toBeGreaterThan(0);
    const sorted = [...spans].sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]![0], 'a run wrote while another was writing').toBeGreaterThanOrEqual(sorted[i - 1]![1]);
    // No further run: the index the last of them left is whole.
    expect(indexState(openIndex(db))).toEqual({ kind: 'complete' });
    expect(dump(db)).toEqual(dump(clean));
  }, 180_000); // six CPU-bound runs on two shared cores

  it('the CLI says it waits for another index run on the same DB, then indexes', async () => {
    const db = join(dir, 'cli-wait.sqlite');
    // Another run holds the writer's lock until its stdin closes.
    const holder = join(dir, 'holder.mjs');
    const lock = pathToFileURL(join(ROOT, 'dist', 'archive', 'writer-lock.js')).href;
    writeFileSync(holder, `const l = await import(${JSON.stringify(lock)});
const held = await l.acquireWriterLock(process.argv[2]);
process.stdout.write('locked\\n');
process.stdin.resume();
process.stdin.on('end', () => { held.release(); process.exit(0); });`);
    const other = spawn(process.execPath, [holder, db], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => other.stdout.once('data', () => ok()));
    const waiting = spawn(BIN, ['index', archive, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const end = ended(waiting);
    await new Promise<void>((ok) => waiting.stderr!.on('data', (d: Buffer) => d.toString().includes('waiting') && ok()));
    other.stdin.end();
    const r = await end;
    expect(r.err).toContain(`waiting for another index run on ${db}`);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^\d+ messages indexed/);
  });
});

const mail = (id: string, subject: string, minute: number): TestMail => ({ id, subject, minute, body: patchBody(subject, 'a.c') });

describe('archive index: an archive rewritten in place (item 8)', () => {
  const before = [mail('r1@x', '[PATCH] dma-buf: Alpha change', 1)];
  const after = [mail('r1@x', '[PATCH] dma-buf: Omega change', 1)];
  it('same size, new mtime: read again, find gives the new series', async () => {
    const file = join(dir, 'rewritten.mbox');
    const db = join(dir, 'rewritten.sqlite');
    writeMbox(file, before);
    await indexArchives([file], { db, threads: 0 });
    writeMbox(file, after);
    expect(mboxText(after).length).toBe(mboxText(before).length);
    const again = await indexArchives([file], { db, threads: 0 });
    expect(again.indexed).toBe(1);
    const idx = openIndex(db);
    expect(findSeries(idx, 'omega').length).toBe(1);
    expect(findSeries(idx, 'alpha').length).toBe(0);
    idx.close();
  });

  it('same size and the same mtime: the content hash still tells', async () => {
    const file = join(dir, 'same-mtime.mbox');
    const db = join(dir, 'same-mtime.sqlite');
    writeMbox(file, before);
    const { atime, mtime } = statSync(file);
    await indexArchives([file], { db, threads: 0 });
    writeMbox(file, after);
    utimesSync(file, atime, mtime);
    const again = await indexArchives([file], { db, threads: 0 });
    expect(again.unchanged).toBe(0);
    const idx = openIndex(db);
    expect(findSeries(idx, 'omega').length).toBe(1);
    expect(findSeries(idx, 'alpha').length).toBe(0);
    idx.close();
  });

  it('a message appended after a rewrite of the start is not taken as an append: all is read again', async () => {
    const file = join(dir, 'rewrite-grow.mbox');
    const db = join(dir, 'rewrite-grow.sqlite');
    writeMbox(file, before);
    await indexArchives([file], { db, threads: 0 });
    writeMbox(file, [...after, mail('r2@x', '[PATCH] dma-buf: Beta change', 2)]);
    const again = await indexArchives([file], { db, threads: 0 });
    expect(again.indexed).toBe(2);
    const idx = openIndex(db);
    expect(findSeries(idx, 'alpha').length).toBe(0);
    idx.close();
  });

  it('an unchanged archive is still unchanged, and a plain append reads only the new message', async () => {
    const file = join(dir, 'append.mbox');
    const db = join(dir, 'append.sqlite');
    writeMbox(file, before);
    await indexArchives([file], { db, threads: 0 });
    expect((await indexArchives([file], { db, threads: 0 })).unchanged).toBe(1);
    writeFileSync(file, readFileSync(file, 'utf8') + mboxText([mail('r3@x', '[PATCH] dma-buf: Gamma change', 3)]));
    expect((await indexArchives([file], { db, threads: 0 })).indexed).toBe(1);
  });
});

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(BIN, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('archive index: incomplete and foreign indexes (item 9)', () => {
  it('after a killed index, find says the index is incomplete and how to finish it', async () => {
    const db = join(dir, 'killed.sqlite');
    const run = indexChild(db, [archive]);
    const end = ended(run);
    await new Promise<void>((ok) => run.stdout!.on('data', (d: Buffer) => d.toString().includes('batch') && ok()));
    run.kill('SIGKILL');
    await end;
    expect(indexState(openIndex(db))).toMatchObject({ kind: 'incomplete' });
    const found = cli(['find', 'no-such-words', '--db', db]);
    expect(found.status).toBe(1);
    expect(found.stderr).toContain(`the index ${db} is incomplete`);
    expect(found.stderr).toContain(`patchscope index ${archive} --db ${db}`);
    // Finishing it as told makes it whole, and find quiet again.
    expect(cli(['index', archive, '--db', db, '-q']).status).toBe(0);
    const after = cli(['find', 'no-such-words', '--db', db]);
    expect(after).toMatchObject({ status: 0, stderr: '' });
  });

  it('refuses an unrelated SQLite file as --db, and leaves it untouched', () => {
    const foreign = join(dir, 'notes.sqlite');
    const Sqlite = createRequire(import.meta.url)('better-sqlite3');
    const db = new Sqlite(foreign);
    db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')");
    db.close();
    const bytes = readFileSync(foreign);
    for (const args of [['index', archive, '--db', foreign], ['find', 'x', '--db', foreign]]) {
      const r = cli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`${foreign}: not a patchscope archive index`);
    }
    expect(readFileSync(foreign).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not SQLite at all', () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some notes\n'.repeat(10));
    const r = cli(['find', 'x', '--db', text]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${text}: not a patchscope archive index`);
  });
});
