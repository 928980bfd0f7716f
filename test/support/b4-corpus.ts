// The linaro-mm-sig corpus (../shared/corpus/linaro-mm-sig) as `git am` would record our `am` output,
// compared patch by patch with what b4 0.12 produced (expected.json), corrected by knownB4Bugs.
// Our mbox is read exactly as the corpus read b4's: `git mailsplit -d4`, then `git mailinfo -u` per mail.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeriesSet, type PatchSeries, type SeriesSet } from '../../src/series/index.js';
import { buildAmMbox, type AmMbox } from '../../src/present/report/index.js';
import { sharedPath } from './shared.js';

export const CORPUS = sharedPath('corpus', 'linaro-mm-sig');

export interface ExpectedPatch {
  index: number;
  messageId: string;
  amSubject: string;
  subject: string;
  author: string;
  email: string;
  date: string;
  message: string;
  trailersAdded: string[];
  diffSha256: string;
  diffCanon?: string;
}

export interface KnownB4Bug {
  patch: number;
  messageId: string;
  kind: string;
  field: 'trailersAdded' | 'author' | 'message';
  op: 'missing' | 'replace';
  b4: string | null;
  correct: string;
}

export interface Expected {
  root: string;
  messages: number;
  b4: { patchCount: number; patches: ExpectedPatch[] };
  knownB4Bugs: KnownB4Bug[];
}

/** What `git mailinfo -u` reads from one mail of an am mbox. */
export interface MailinfoPatch {
  subject: string;
  author: string;
  email: string;
  date: string;
  message: string;
  diffSha256: string;
  diffCanon: string;
}

export function threadNames(): string[] {
  return readdirSync(join(CORPUS, 'threads')).filter((d) => /^\d{3}$/.test(d)).sort();
}

export function readExpected(thread: string): Expected {
  return JSON.parse(readFileSync(join(CORPUS, 'threads', thread, 'expected.json'), 'utf8')) as Expected;
}

export function threadMbox(thread: string): string {
  return join(CORPUS, 'threads', thread, 'thread.mbox');
}

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C.UTF-8' };

function git(args: string[], input?: Buffer): string {
  return execFileSync('git', args, { input, encoding: 'utf8', env: GIT_ENV, maxBuffer: 256 << 20 });
}

const HDR = /^(index |--- |\+\+\+ |new file mode|deleted file mode|old mode|new mode|similarity index|dissimilarity index|rename from|rename to|copy from|copy to|Binary files)/;
const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** The corpus README's canonical diff (check-expected.py `canon`): what `git apply` uses of a mailinfo patch file. */
export function canonDiff(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let i = 0;
  let inDiff = false;
  let binary = false;
  while (i < lines.length) {
    const l = lines[i] as string;
    if (l.startsWith('diff --git ')) {
      inDiff = true;
      binary = false;
      out.push(l);
      i++;
      continue;
    }
    if (!inDiff) { i++; continue; }
    if (binary) {
      const next = lines[i + 1];
      if (l.trim() === '' && next !== undefined && !next.startsWith('literal') && !next.startsWith('delta')) binary = false;
      out.push(l);
      i++;
      continue;
    }
    if (l.startsWith('GIT binary patch')) { binary = true; out.push(l); i++; continue; }
    const m = HUNK.exec(l);
    if (m) {
      let old = m[1] !== undefined ? Number(m[1]) : 1;
      let neu = m[2] !== undefined ? Number(m[2]) : 1;
      out.push(l);
      i++;
      while ((old > 0 || neu > 0) && i < lines.length) {
        const h = lines[i++] as string;
        out.push(h);
        if (h.startsWith('\\')) continue;
        const c = h.slice(0, 1);
        if (c === ' ' || h === '') { old--; neu--; }
        else if (c === '-') old--;
        else if (c === '+') neu--;
        else { out.push('<<BROKEN HUNK>>'); break; }
      }
      if (i < lines.length && (lines[i] as string).startsWith('\\ No newline')) out.push(lines[i++] as string);
      continue;
    }
    if (HDR.test(l)) out.push(l);
    i++;
  }
  return out.join('\n');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}


function gitWithInput(args: string[], input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env: GIT_ENV, stdio: ['pipe', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`git ${args[0]} exited ${code}`))));
    child.stdin.end(input);
  });
}

/** Our mbox as `git am` reads it: mailsplit, then mailinfo -u on each mail (a few at a time). */
export async function readAsGitAm(mbox: string): Promise<MailinfoPatch[]> {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-b4-corpus-'));
  try {
    writeFileSync(join(dir, 'am.mbx'), mbox);
    git(['mailsplit', '-d4', `-o${dir}`, join(dir, 'am.mbx')]);
    const mails = readdirSync(dir).filter((f) => /^\d{4}$/.test(f)).sort();
    const out: MailinfoPatch[] = [];
    for (let i = 0; i < mails.length; i += 4) out.push(...(await Promise.all(mails.slice(i, i + 4).map((f) => mailinfo(dir, f)))));
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function mailinfo(dir: string, mail: string): Promise<MailinfoPatch> {
  const [msg, patch] = [join(dir, `${mail}.msg`), join(dir, `${mail}.patch`)];
  const info = await gitWithInput(['mailinfo', '-u', msg, patch], readFileSync(join(dir, mail)));
  const field = (k: string) => new RegExp(`^${k}: (.*)$`, 'm').exec(info)?.[1] ?? '';
  const diffCanon = canonDiff(readFileSync(patch, 'utf8'));
  return {
    subject: field('Subject'), author: field('Author'), email: field('Email'), date: field('Date'),
    message: readFileSync(msg, 'utf8'), diffCanon, diffSha256: sha256(diffCanon),
  };
}

/** b4's patch with each knownB4Bugs record for it applied; `mayAdd` are trailers b4 missed (position free). */
export interface CorrectPatch extends ExpectedPatch {
  mayAdd: string[];
}

export function correctedPatches(e: Expected): CorrectPatch[] {
  return e.b4.patches.map((p) => {
    const out: CorrectPatch = { ...p, trailersAdded: [...p.trailersAdded], mayAdd: [] };
    for (const bug of e.knownB4Bugs.filter((b) => b.patch === p.index)) {
      if (bug.field === 'trailersAdded' && bug.op === 'missing') out.mayAdd.push(bug.correct);
      else if (bug.field === 'author') out.author = bug.correct;
      else if (bug.field === 'message') out.message = bug.correct;
    }
    return out;
  });
}

/** git am's cleanup of the msg file (stripspace): trailing blanks per line, repeated and edge blank lines. */
export function stripspace(text: string): string {
  const out: string[] = [];
  let blank = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[ \t\r\v\f]+$/, '');
    if (line === '') { blank = out.length > 0; continue; }
    if (blank) out.push('');
    blank = false;
    out.push(line);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export interface Difference {
  thread: string;
  patch: number;
  messageId: string;
  field: string;
  ours: string;
  correct: string;
}

/** The series `am` writes for a thread: the one am picks. */
export type PickSeries = (set: SeriesSet) => PatchSeries;

export interface ThreadRun {
  set: SeriesSet;
  series: PatchSeries | null;
  am: AmMbox | null;
  mails: MailinfoPatch[];
}

export async function runThread(thread: string, pick: PickSeries): Promise<ThreadRun> {
  const set = await loadSeriesSet(threadMbox(thread));
  const series = set.series.length ? pick(set) : null;
  const am = series ? buildAmMbox(series) : null;
  return { set, series, am, mails: am && am.mbox ? await readAsGitAm(am.mbox) : [] };
}

/** The lines around the first line where two texts differ (diffs are long; the difference is what matters). */
function firstDifference(a: string, b: string): [string, string] {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const from = Math.max(0, i - 2);
  return [`line ${i + 1}: ${x.slice(from, i + 3).join('\n')}`, `line ${i + 1}: ${y.slice(from, i + 3).join('\n')}`];
}

/** Every field where our `am` (read as git am reads it) differs from the corrected b4 output. */
export function compareThread(thread: string, e: Expected, run: ThreadRun): Difference[] {
  const diffs: Difference[] = [];
  const correct = correctedPatches(e);
  const n = Math.max(correct.length, run.mails.length);
  for (let i = 0; i < n; i++) {
    const want = correct[i];
    const got = run.mails[i];
    const ours = run.series?.patches[i];
    const d = (field: string, o: string, c: string) => diffs.push({ thread, patch: i + 1, messageId: want?.messageId ?? ours?.messageId ?? '', field, ours: o, correct: c });
    if (!want || !got) {
      d('patch', got ? `${ours?.messageId}: ${got.subject}` : '(none)', want ? `${want.messageId}: ${want.subject}` : '(none)');
      continue;
    }
    if (ours && ours.messageId !== want.messageId) d('messageId', ours.messageId, want.messageId);
    if (got.subject !== want.subject) d('subject', got.subject, want.subject);
    if (got.author !== want.author) d('author', got.author, want.author);
    if (got.email !== want.email) d('email', got.email, want.email);
    if (got.date !== want.date) d('date', got.date, want.date);
    const added = (run.am?.patches[i]?.added ?? []).map((t) => `${t.key}: ${t.value}`);
    const extra = added.filter((t) => want.mayAdd.includes(t));
    const rest = added.filter((t) => !want.mayAdd.includes(t));
    if (rest.join('\n') !== want.trailersAdded.join('\n') || extra.length !== want.mayAdd.length) {
      d('trailersAdded', added.join('\n'), [...want.trailersAdded, ...want.mayAdd].join('\n'));
    }
    // b4 missed these trailers: the correct message has them where we put them.
    let message = got.message;
    for (const t of extra) {
      const at = message.lastIndexOf(`\n${t}\n`);
      if (at >= 0) message = message.slice(0, at + 1) + message.slice(at + t.length + 2);
    }
    if (stripspace(message) !== stripspace(want.message)) d('message', got.message, want.message);
    if (got.diffSha256 !== want.diffSha256) {
      const [o, c] = firstDifference(got.diffCanon, want.diffCanon ?? `(diff not included, sha256 ${want.diffSha256})`);
      d('diff', o, c);
    }
  }
  return diffs;
}
