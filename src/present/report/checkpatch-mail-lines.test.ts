// `#N` in `patchscope check` text output is checkpatch.pl's N: the line in the `git format-patch` file (its
// `From <sha>` line is line 1, headers counted), so reviewers can compare both tools' output line by line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { runChecks } from '../../analysis/checks/index.js';
import { readInput } from '../../ingest/index.js';
import { buildSeriesSet } from '../../series/index.js';
import type { PatchSeries } from '../../series/index.js';
import { formatCheckpatch } from './checkpatch-text.js';

/** 1-based numbers of the lines of `text` equal to `line`, as `grep -nx` gives them. */
function grepLines(text: string, line: string): number[] {
  return text.split('\n').flatMap((l, i) => (l === line ? [i + 1] : []));
}

/** The `#N` printed for each TRAILING_WHITESPACE finding of the section headed by `subject`. */
function trailingWhitespaceAt(report: string, subject: string): number[] {
  const section = report.split(/\n-+\n/).findIndex((s) => s === subject);
  const body = report.split(/\n-+\n/)[section + 1] ?? '';
  return [...body.matchAll(/^ERROR:TRAILING_WHITESPACE: .*\n#(\d+): /gm)].map((m) => Number(m[1]));
}

async function seriesOf(input: string): Promise<PatchSeries> {
  const set = buildSeriesSet(await readInput(input));
  expect(set.series).toHaveLength(1);
  return set.series[0]!;
}

describe('check text output: #N counts lines of the mail file, as checkpatch.pl does', () => {
  let repo: string;
  let out: string;
  const LONG = 'dma-buf: Add dma_buf_mapping_attach() with a list of mapping types the importer can take';
  beforeAll(async () => {
    repo = mkdtempSync(join(tmpdir(), 'patchscope-cpl-'));
    out = join(repo, 'out');
    const git = simpleGit({ baseDir: repo });
    await git.init();
    await git.addConfig('user.name', 'Jörg Rödel'); // encoded-word From: header
    await git.addConfig('user.email', 'joro@example.org');
    await git.addConfig('commit.gpgsign', 'false');
    writeFileSync(join(repo, 'dma-buf.c'), 'int x;\n');
    await git.add(['--', 'dma-buf.c']);
    await git.commit('base');
    await git.addTag('base');
    writeFileSync(join(repo, 'dma-buf.c'), 'int x;\nint y; \n');
    await git.add(['--', 'dma-buf.c']);
    await git.commit(['dma-buf: Add y', 'Importers need y.\n\nSigned-off-by: Jörg Rödel <joro@example.org>']);
    writeFileSync(join(repo, 'dma-buf.c'), 'int x;\nint y; \nint z;\t\nint w;\n');
    await git.add(['--', 'dma-buf.c']);
    // A subject long enough that format-patch folds the Subject: header over two lines.
    await git.commit([LONG, 'Importers need z.\n\nSigned-off-by: Jörg Rödel <joro@example.org>']);
    await git.raw(['format-patch', '--thread', '--cover-letter', '-o', out, 'base..HEAD']);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('prints the line of the offending line in each format-patch file (From line and folded headers counted)', async () => {
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(3);
    const mail1 = readFileSync(join(out, files[1]!), 'utf8');
    const mail2 = readFileSync(join(out, files[2]!), 'utf8');
    expect(mail1.split('\n')[0]).toMatch(/^From [0-9a-f]{40} Mon Sep 17 00:00:00 2001$/);
    expect(mail2).toMatch(/^Subject: .*\n [^\n]*\n/m); // the long subject is folded: a continuation line counts
    const series = await seriesOf(out);
    const report = formatCheckpatch(series, runChecks(series));

    expect(trailingWhitespaceAt(report, '[PATCH 1/2] dma-buf: Add y')).toEqual(grepLines(mail1, '+int y; '));
    expect(trailingWhitespaceAt(report, `[PATCH 2/2] ${LONG}`)).toEqual(grepLines(mail2, '+int z;\t'));
    expect(grepLines(mail2, '+int z;\t')).toHaveLength(1);
    expect(grepLines(mail2, '+int z;\t')[0]).toBeGreaterThan(20); // not the body-relative number by accident
  });

  it('keeps JSON findings body-relative: bodyLine + the patch offset is the file line', async () => {
    const series = await seriesOf(out);
    const mail2 = readFileSync(join(out, readdirSync(out).sort()[2]!), 'utf8');
    const patch = series.patches[1]!;
    const finding = runChecks(series).find((f) => f.id === 'trailing-whitespace' && f.where.patch === 2)!;
    expect(patch.body.split('\n')[finding.where.bodyLine! - 1]).toBe('+int z;\t');
    expect(finding.where.bodyLine! + patch.bodyOffsetLines!).toBe(grepLines(mail2, '+int z;\t')[0]);
  });

  it('numbers a single format-patch file read on its own the same way', async () => {
    const file = join(out, readdirSync(out).sort()[1]!);
    const set = buildSeriesSet(await readInput(file));
    const report = formatCheckpatch(set.series[0]!, runChecks(set.series[0]!));
    expect(trailingWhitespaceAt(report, '[PATCH 1/2] dma-buf: Add y')).toEqual(grepLines(readFileSync(file, 'utf8'), '+int y; '));
  });

  it('falls back to body lines when the mail has no known offset (a base64 body)', async () => {
    const file = join(out, readdirSync(out).sort()[1]!);
    const text = readFileSync(file, 'utf8');
    const split = text.indexOf('\n\n');
    const body = text.slice(split + 2);
    const headers = text.slice(0, split).replace(/^Content-Transfer-Encoding: 8bit$/m, 'Content-Transfer-Encoding: base64');
    expect(headers).toContain('Content-Transfer-Encoding: base64');
    const encoded = join(repo, 'b64.patch');
    writeFileSync(encoded, `${headers}\n\n${Buffer.from(body).toString('base64').replace(/.{76}/g, '$&\n')}\n`);
    const series = await seriesOf(encoded);
    expect(series.patches[0]!.bodyOffsetLines).toBeUndefined();
    const report = formatCheckpatch(series, runChecks(series));
    expect(trailingWhitespaceAt(report, '[PATCH 1/2] dma-buf: Add y')).toEqual(grepLines(body, '+int y; '));
  });
});
