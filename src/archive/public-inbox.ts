/**
 * A public-inbox v2 epoch (https://public-inbox.org/public-inbox-v2-format.html): a bare git
 * repository in which every commit holds one message as the blob `m`. It is read as a stream:
 * `git rev-list --reverse` names the commits, oldest first, and one long-lived
 * `git cat-file --batch` returns each `<commit>:m` blob.
 *
 * git runs through the git module's streaming door (src/util/git/stream.ts says why not simple-git):
 * program-running settings off, a fixed argv (the git dir is one `--git-dir=` argument, commit ids
 * are checked to be object ids), no shell, and no mail content in argv: object names go to cat-file
 * on stdin.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { GitError } from '../util/errors.js';
import { isObjectId, spawnGit } from '../util/git/index.js';
import { MAX_ARCHIVE_MESSAGE, type ArchiveRecord } from './types.js';

/** Requests written ahead of the answers read: keeps cat-file busy without buffering the epoch. */
const WINDOW = 256;

/** A bare repository (HEAD and objects/ at its top) is taken as an epoch. */
export async function isEpoch(dir: string): Promise<boolean> {
  try {
    const [head, objects] = await Promise.all([stat(join(dir, 'HEAD')), stat(join(dir, 'objects'))]);
    return head.isFile() && objects.isDirectory();
  } catch {
    return false;
  }
}

const gitArgs = (gitDir: string, ...rest: string[]): string[] => [`--git-dir=${resolve(gitDir)}`, ...rest];

/** The epoch's newest commit, or null when it has none (an empty repository). */
export async function epochHead(gitDir: string): Promise<string | null> {
  const lines = await gitLines(gitArgs(gitDir, 'rev-parse', '--verify', '--quiet', 'HEAD^{commit}'));
  const id = lines[0] ?? '';
  return isObjectId(id) ? id : null;
}

/** Whether `commit` is in the epoch's history (a rewritten epoch loses it: then everything is read again). */
export async function isAncestorOfHead(gitDir: string, commit: string): Promise<boolean> {
  if (!isObjectId(commit)) return false;
  const code = await gitStatus(gitArgs(gitDir, 'merge-base', '--is-ancestor', commit, 'HEAD'));
  return code === 0;
}

/**
 * The messages of an epoch, oldest first; with `since`, only those committed after it. A blob
 * that git cannot read (a corrupt or missing object) becomes a `damaged` record naming the
 * commit, and reading goes on with the next commit. `resume` of each record is its commit id.
 */
export async function* epochRecords(gitDir: string, since: string | null = null): AsyncGenerator<ArchiveRecord> {
  if (since !== null && !isObjectId(since)) throw new Error(`not a commit id: ${since}`);
  const revList = spawnGit(gitArgs(gitDir, 'rev-list', '--reverse', since ? `${since}..HEAD` : 'HEAD'), ['ignore', 'pipe', 'pipe']);
  const stderr = collectText(revList.stderr);
  async function* commits(): AsyncGenerator<string> {
    for await (const line of createInterface({ input: revList.stdout, crlfDelay: Infinity })) if (isObjectId(line)) yield line;
    const code = await exitCode(revList);
    if (code !== 0) throw new GitError(`${gitDir}: git rev-list failed: ${(await stderr).trim()}`, ['rev-list', '--reverse']);
  }
  try {
    yield* commitRecords(gitDir, commits());
  } finally {
    revList.kill();
  }
}

/** The message blobs of the given commits, in their order (for reading a series back by position). */
export async function* commitRecords(gitDir: string, commits: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ArchiveRecord> {
  const pending: string[] = [];
  let batch = new CatFileBatch(gitDir);
  try {
    for await (const commit of commits) {
      if (!isObjectId(commit)) throw new Error(`not a commit id: ${commit}`);
      pending.push(commit);
      if (pending.length >= WINDOW) ({ batch } = yield* drain(gitDir, batch, pending, WINDOW / 2));
    }
    ({ batch } = yield* drain(gitDir, batch, pending, 0));
  } finally {
    batch.close();
  }
}

/** Read answers until at most `keep` requests are outstanding; a dead cat-file is replaced. */
async function* drain(gitDir: string, start: CatFileBatch, pending: string[], keep: number): AsyncGenerator<ArchiveRecord, { batch: CatFileBatch }> {
  let batch = start;
  while (pending.length > keep) {
    batch.request(pending);
    const commit = pending.shift() as string;
    const answer = await batch.next(commit);
    const position = { kind: 'commit' as const, source: gitDir, commit };
    if (answer.kind === 'blob') {
      yield { kind: 'raw', position, bytes: answer.bytes, resume: commit };
    } else {
      yield { kind: 'damaged', position, reason: answer.reason, resume: commit };
      if (answer.kind === 'dead') {
        batch.close();
        batch = new CatFileBatch(gitDir);
      }
    }
  }
  return { batch };
}

type Answer = { kind: 'blob'; bytes: Buffer } | { kind: 'missing'; reason: string } | { kind: 'dead'; reason: string };

/** One `git cat-file --batch` process: requests go in on stdin, answers are read in order. */
class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly reader: ByteReader;
  private readonly stderr: Promise<string>;
  /** Commits already written to stdin and not yet answered. */
  private sent = 0;

  constructor(gitDir: string) {
    this.child = spawnGit(gitArgs(gitDir, 'cat-file', '--batch'), ['pipe', 'pipe', 'pipe']);
    this.child.stdin.on('error', () => undefined); // EPIPE after git died: reported through next()
    this.reader = new ByteReader(this.child.stdout);
    this.stderr = collectText(this.child.stderr);
  }

  /** Make sure every commit of `pending` (in order) has been asked for. */
  request(pending: string[]): void {
    const unsent = pending.slice(this.sent);
    if (unsent.length === 0) return;
    this.child.stdin.write(unsent.map((c) => `${c}:m\n`).join(''));
    this.sent = pending.length;
  }

  /** The answer for the oldest request, which is `commit`'s. */
  async next(commit: string): Promise<Answer> {
    this.sent -= 1;
    const header = await this.reader.line();
    if (header === null) {
      await exitCode(this.child);
      const why = (await this.stderr).trim().split('\n').pop() || 'git cat-file stopped';
      return { kind: 'dead', reason: `cannot read blob m of commit ${commit}: ${why}` };
    }
    const m = /^[0-9a-f]{40} blob (\d+)$/.exec(header);
    if (!m) return { kind: 'missing', reason: `no message blob m in commit ${commit} (${header.slice(header.indexOf(' ') + 1)})` };
    const size = Number(m[1]);
    if (size > MAX_ARCHIVE_MESSAGE) {
      if (!(await this.reader.skip(size + 1))) return { kind: 'dead', reason: `blob m of commit ${commit} cut short` };
      return { kind: 'missing', reason: `message of ${size} bytes in commit ${commit} is over the ${MAX_ARCHIVE_MESSAGE}-byte cap: passed over` };
    }
    const bytes = await this.reader.exact(size + 1);
    if (bytes === null) return { kind: 'dead', reason: `blob m of commit ${commit} cut short` };
    return { kind: 'blob', bytes: bytes.subarray(0, bytes.length - 1) };
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }
}

/** Pull-style reads (a line, or exactly n bytes) over a readable byte stream. */
class ByteReader {
  private readonly it: AsyncIterator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;

  constructor(stream: NodeJS.ReadableStream) {
    this.it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length ? Buffer.concat([this.buf, next.value]) : next.value;
    return true;
  }

  async line(): Promise<string | null> {
    for (let nl = this.buf.indexOf(0x0a); ; nl = this.buf.indexOf(0x0a)) {
      if (nl >= 0) {
        const text = this.buf.subarray(0, nl).toString('utf8');
        this.buf = this.buf.subarray(nl + 1);
        return text;
      }
      if (!(await this.fill())) return null;
    }
  }

  /** Discard n bytes without holding them; false when the stream ends first. */
  async skip(n: number): Promise<boolean> {
    let left = n;
    while (this.buf.length < left) {
      left -= this.buf.length;
      this.buf = Buffer.alloc(0);
      if (!(await this.fill())) return false;
    }
    this.buf = this.buf.subarray(left);
    return true;
  }

  async exact(n: number): Promise<Buffer | null> {
    if (this.buf.length < n) {
      const parts = [this.buf];
      let have = this.buf.length;
      this.buf = Buffer.alloc(0);
      while (have < n) {
        if (!(await this.fill())) return null;
        parts.push(this.buf);
        have += this.buf.length;
        this.buf = Buffer.alloc(0);
      }
      this.buf = Buffer.concat(parts);
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
}

function collectText(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((done) => {
    let text = '';
    stream.on('data', (c: Buffer) => {
      if (text.length < 8192) text += c.toString('utf8');
    });
    stream.on('end', () => done(text));
    stream.on('error', () => done(text));
  });
}

function exitCode(child: { exitCode: number | null; once(e: 'close', f: (code: number | null) => void): unknown }): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('close', (code) => done(code)));
}

async function gitStatus(args: string[]): Promise<number | null> {
  const child = spawnGit(args, ['ignore', 'ignore', 'ignore']);
  return new Promise((done) => {
    child.once('error', () => done(null));
    child.once('close', (code) => done(code));
  });
}

async function gitLines(args: string[]): Promise<string[]> {
  const child = spawnGit(args, ['ignore', 'pipe', 'ignore']);
  const out = collectText(child.stdout);
  await new Promise((done) => {
    child.once('error', done);
    child.once('close', done);
  });
  return (await out).split('\n').filter(Boolean);
}
