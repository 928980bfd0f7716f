/**
 * The checks on the bundled RFC series: the clean fixture has no ERROR, and each kind of damage a mailer or an
 * author causes, made here from the bundled mbox text by a string transformation (never a hand-edited copy), is
 * caught with the right id at the right patch, file, file line and body line `#N`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../src/analysis/checks/index.js';
import type { Finding } from '../src/analysis/findings.js';
import { loadSeriesSet, type Patch, type PatchSeries } from '../src/series/index.js';

const MBOX = resolve(__dirname, '..', 'fixtures/dmabuf-mapping-types/series.mbox');
const MBOX_V2 = resolve(__dirname, '..', 'fixtures/dmabuf-mapping-types/series-v2.mbox');
const AUTHOR_SOB = 'Signed-off-by: Jason Gunthorpe <jgg@nvidia.com>';

let clean: string;
let cleanSeries: PatchSeries;
let cleanFindings: Finding[];
let tmp: string;

async function parse(mbox: string, name: string): Promise<PatchSeries> {
  const file = join(tmp, `${name}.mbox`);
  writeFileSync(file, mbox);
  const set = await loadSeriesSet(file);
  expect(set.series).toHaveLength(1);
  return set.series[0]!;
}

/** The message of one patch in the mbox text: its header block and its body lines, found by Message-ID. */
interface MessageSpan {
  headerStart: number;
  bodyStart: number;
  end: number;
}

function spanOf(mbox: string, messageId: string): MessageSpan {
  const at = mbox.search(new RegExp(`^Message-ID:\\s*<${messageId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`, 'im'));
  expect(at, `Message-ID ${messageId} in the mbox`).toBeGreaterThan(0);
  const headerStart = mbox.lastIndexOf('\nFrom ', at) + 1;
  const bodyStart = mbox.indexOf('\n\n', at) + 2;
  const next = mbox.indexOf('\nFrom ', bodyStart);
  return { headerStart, bodyStart, end: next < 0 ? mbox.length : next + 1 };
}

/** Rewrites the body lines of one patch's message (an 8bit body: body line N is the Nth line after the headers). */
function editBody(mbox: string, patch: Patch, edit: (lines: string[]) => string[]): string {
  const span = spanOf(mbox, patch.messageId);
  const lines = mbox.slice(span.bodyStart, span.end).split('\n');
  return mbox.slice(0, span.bodyStart) + edit(lines).join('\n') + mbox.slice(span.end);
}

type Target = ReturnType<typeof firstAddedLine>;

/** Replaces one added line of a patch by what `edit` makes of it, after checking it is the line the model saw. */
function editAddedLine(mbox: string, patch: Patch, target: Target, edit: (line: string) => string[]): string {
  return editBody(mbox, patch, (lines) => {
    expect(lines[target.bodyLine - 1], 'body line N is line N after the headers (an 8bit body)').toBe(`+${target.text}`);
    return [...lines.slice(0, target.bodyLine - 1), ...edit(lines[target.bodyLine - 1]!), ...lines.slice(target.bodyLine)];
  });
}

function editHeaders(mbox: string, patch: Patch, edit: (headers: string) => string): string {
  const span = spanOf(mbox, patch.messageId);
  return mbox.slice(0, span.headerStart) + edit(mbox.slice(span.headerStart, span.bodyStart)) + mbox.slice(span.bodyStart);
}

function patchAt(series: PatchSeries, index: number): Patch {
  const patch = series.patches.find((p) => p.index === index);
  expect(patch, `patch ${index}`).toBeDefined();
  return patch!;
}

/** The first added line of a patch that has some text worth damaging, with where it sits. */
function firstAddedLine(patch: Patch, minLength = 1) {
  for (const file of patch.files) {
    for (const line of file.hunks.flatMap((h) => h.lines)) {
      if (line.kind === 'add' && line.text.trim().length >= minLength && /\S \S/.test(line.text.trim())) {
        return { file: file.path, line: line.newLine!, bodyLine: line.bodyLine, text: line.text };
      }
    }
  }
  throw new Error(`patch ${patch.index} adds no line of ${minLength}+ characters`);
}

const key = (f: Finding) => JSON.stringify([f.id, f.where.patch, f.where.file, f.where.line, f.where.bodyLine]);

/** Findings the damaged series has and the clean one does not. */
async function newFindings(mbox: string, name: string): Promise<Finding[]> {
  const before = new Set(cleanFindings.map(key));
  return runChecks(await parse(mbox, name)).filter((f) => !before.has(key(f)));
}

describe('checks on the bundled series', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'patchscope-checks-'));
    clean = readFileSync(MBOX, 'utf8');
    cleanSeries = await parse(clean, 'clean');
    cleanFindings = runChecks(cleanSeries);
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('should find no ERROR in the clean series of 26 patches', () => {
    expect(cleanSeries.patches).toHaveLength(26);
    expect(cleanFindings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('should find no ERROR in the bundled v2 either', async () => {
    const v2 = await parse(readFileSync(MBOX_V2, 'utf8'), 'v2');
    expect(v2.version).toBe(2);
    expect(runChecks(v2).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('should report a removed Signed-off-by as missing-signoff on that patch only', async () => {
    const patch = patchAt(cleanSeries, 12);
    const mbox = editBody(clean, patch, (lines) => lines.filter((l) => l !== AUTHOR_SOB));
    const found = await newFindings(mbox, 'no-sob');
    expect(found.map((f) => [f.id, f.severity, f.where.patch])).toEqual([['missing-signoff', 'error', 12]]);
  });

  it('should report an 8-digit Fixes: at its line', async () => {
    const patch = patchAt(cleanSeries, 21);
    let inserted = 0;
    const mbox = editBody(clean, patch, (lines) => {
      inserted = lines.indexOf(AUTHOR_SOB);
      return [...lines.slice(0, inserted), 'Fixes: c63e5a50 ("dma-buf: Introduce DMA-buf mapping types")', ...lines.slice(inserted)];
    });
    const found = await newFindings(mbox, 'short-fixes');
    expect(found.map((f) => [f.id, f.severity, f.where.patch, f.where.bodyLine])).toEqual([['bad-fixes-tag', 'warning', 21, inserted + 1]]);
  });

  it('should report trailing whitespace on an added line at its file, line and #N', async () => {
    const target = firstAddedLine(patchAt(cleanSeries, 3));
    const mbox = editAddedLine(clean, patchAt(cleanSeries, 3), target, (line) => [`${line} `]);
    const found = await newFindings(mbox, 'trailing-space');
    expect(found.map((f) => [f.id, f.severity, f.where.patch, f.where.file, f.where.line, f.where.bodyLine])).toEqual([
      ['trailing-whitespace', 'error', 3, target.file, target.line, target.bodyLine],
    ]);
  });

  it('should report a line-wrapped hunk as corrupted at the wrapped line', async () => {
    const patch = patchAt(cleanSeries, 10);
    const target = firstAddedLine(patch, 20);
    const cut = target.text.search(/ [A-Za-z_(]/); // a mailer breaks at a blank; the tail starts with no diff marker
    const mbox = editAddedLine(clean, patch, target, () => [`+${target.text.slice(0, cut)}`, target.text.slice(cut + 1)]);
    const found = await newFindings(mbox, 'wrapped');
    expect(found.map((f) => [f.id, f.severity, f.where.patch, f.where.file, f.where.line, f.where.bodyLine])).toContainEqual(
      ['corrupted-patch', 'error', 10, target.file, target.line, target.bodyLine + 1],
    );
  });

  it('should report a bidi override in an added line', async () => {
    const patch = patchAt(cleanSeries, 14);
    const target = firstAddedLine(patch);
    const mbox = editAddedLine(clean, patch, target, (line) => [line.replace(/^\+(\s*)/, '+$1\u202e')]);
    const found = await newFindings(mbox, 'bidi');
    expect(found.map((f) => [f.id, f.severity, f.where.patch, f.where.file, f.where.line, f.where.bodyLine])).toEqual([
      ['unicode-control-char', 'error', 14, target.file, target.line, target.bodyLine],
    ]);
  });

  it('should report an over-long subject on that patch', async () => {
    const patch = patchAt(cleanSeries, 3);
    const mbox = editHeaders(clean, patch, (headers) =>
      headers.replace(/^Subject: (.*(?:\n[ \t].*)*)$/m, (_, value: string) =>
        `Subject: ${value.replace(/\s*\n[ \t]+/g, ' ')} for every importer and exporter at once`),
    );
    const found = await newFindings(mbox, 'long-subject');
    expect(found.map((f) => [f.id, f.severity, f.where.patch])).toEqual([['subject-too-long', 'warning', 3]]);
  });
});

/** checkpatch.pl is not installed on the build machine; when it is, it must agree on the damage we make. */
function findCheckpatch(): string | null {
  try {
    return execFileSync('which', ['checkpatch.pl'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const CHECKPATCH = findCheckpatch();

describe.skipIf(CHECKPATCH === null)('agreement with checkpatch.pl', () => {
  it('should see TRAILING_WHITESPACE on the patch where we do', async () => {
    tmp = mkdtempSync(join(tmpdir(), 'patchscope-checkpatch-'));
    const text = readFileSync(MBOX, 'utf8');
    const patch = patchAt(await parse(text, 'clean'), 3);
    const target = firstAddedLine(patch);
    const damaged = editAddedLine(text, patch, target, (line) => [`${line} `]);
    const span = spanOf(damaged, patch.messageId);
    const file = join(tmp, 'patch3.eml');
    writeFileSync(file, damaged.slice(span.headerStart, span.end));
    let out: string;
    try {
      out = execFileSync(CHECKPATCH!, ['--no-tree', '--show-types', '--terse', '--', file], { encoding: 'utf8' });
    } catch (e) {
      out = String((e as { stdout?: string }).stdout ?? ''); // checkpatch exits 1 when it finds an error
    }
    rmSync(tmp, { recursive: true, force: true });
    expect(out).toContain('TRAILING_WHITESPACE');
  });
});
