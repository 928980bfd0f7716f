/**
 * Runs the real checkpatch.pl on every patch of a series, as `b4 prep --check` does: each patch written as a mail
 * into a private temporary folder, `perl checkpatch.pl --terse --show-types` on it (no shell, mail text never on a
 * command line), a few at a time. Missing perl or a crashing script is one note, never a failed run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Finding } from '../findings.js';
import type { PatchSeries } from '../../series/index.js';
import { MAIL_HEADER_LINES, patchAsMail } from './mail-form.js';
import { parseTerse } from './parse.js';

export interface CheckpatchRun {
  findings: Finding[];
  /** What went wrong, once per run (no perl, a crash, a timeout). */
  notes: string[];
}

const TIMEOUT_MS = 120_000;

interface Exec {
  stdout: string;
  stderr: string;
  /** Exit status (checkpatch exits 1 when it found something); null when it did not run or was killed. */
  code: number | null;
  error?: NodeJS.ErrnoException & { killed?: boolean; signal?: string | null };
}

function run(script: string, args: string[], cwd: string): Promise<Exec> {
  return new Promise((done) => {
    execFile('perl', [script, ...args], { cwd, timeout: TIMEOUT_MS, maxBuffer: 64 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      done({ stdout, stderr, code, ...(error && code === null ? { error: error as Exec['error'] } : {}) });
    });
  });
}

/** A kernel tree holds the script as scripts/checkpatch.pl beside MAINTAINERS: run there, with its git history. */
function kernelTreeOf(script: string): string | null {
  const root = resolve(dirname(script), '..');
  return existsSync(join(root, 'MAINTAINERS')) && existsSync(join(root, 'scripts', 'checkpatch.pl')) ? root : null;
}

/** Runs `work` over `items` with at most `limit` at once, results in order. */
async function bounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return results;
}

function explain(e: Exec, script: string): string {
  if (e.error?.code === 'ENOENT') return 'checkpatch: perl is not installed; native checks only';
  if (e.error?.killed || e.error?.signal) return `checkpatch: ${script} did not finish (${e.error.signal ?? 'timeout'}); native checks only for those patches`;
  const why = e.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit status ${e.code}`;
  return `checkpatch: ${script} failed: ${why.trim()}; native checks only for those patches`;
}

/** Contiguous groups of at most `lanes` groups: perl compiles checkpatch once per process, so files share one. */
function chunks<T>(items: readonly T[], lanes: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, lanes));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function runCheckpatch(series: PatchSeries, script: string, opts: { jobs?: number } = {}): Promise<CheckpatchRun> {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-checkpatch-'));
  const tree = kernelTreeOf(script);
  const notes = new Set<string>();
  try {
    // Each patch as its own mail file, named by its index; its last body line tells whole-patch findings apart.
    const byFile = new Map<string, { patch: PatchSeries['patches'][number]; lastBodyLine: number }>();
    const files = series.patches.map((patch) => {
      const name = `${String(patch.index).padStart(4, '0')}.patch`;
      const mail = patchAsMail(patch);
      writeFileSync(join(dir, name), mail, { mode: 0o600 });
      // Findings about the whole patch (no sign-off, FROM_SIGN_OFF_MISMATCH) come at the file's last line: no #N.
      byFile.set(name, { patch, lastBodyLine: mail.split('\n').length - 1 - MAIL_HEADER_LINES });
      return name;
    });
    // As b4 prep --check, but a few perl processes each given several files (one compile of the script per process).
    const jobs = opts.jobs ?? Math.max(1, availableParallelism());
    const perChunk = await bounded(chunks(files, jobs), jobs, async (group) => {
      const args = ['--terse', '--show-types', '--no-summary', ...(tree ? [] : ['--no-tree']), ...group.map((f) => join(dir, f))];
      const result = await run(script, args, tree ?? dir);
      // checkpatch exits 0 (clean) or 1 (findings); anything else is a crash.
      if (result.code !== 0 && result.code !== 1) {
        notes.add(explain(result, script));
        return [];
      }
      return parseTerse(result.stdout).flatMap((c): Finding[] => {
        const at = byFile.get(basename(c.file));
        if (!at) return [];
        const bodyLine = c.line - MAIL_HEADER_LINES;
        return [{
          id: c.type.toLowerCase().replace(/_/g, '-'),
          severity: c.severity,
          where: { patch: at.patch.index, messageId: at.patch.messageId, ...(bodyLine >= 1 && bodyLine < at.lastBodyLine ? { bodyLine } : {}) },
          message: c.message,
          source: 'checkpatch',
          type: c.type,
        }];
      });
    });
    return { findings: perChunk.flat(), notes: [...notes] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
