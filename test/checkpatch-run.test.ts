// Issue 14 (1): the real checkpatch.pl (../shared/tools/checkpatch, Linux 6.16-rc1) run beside the native checks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { findingType, runChecks } from '../src/analysis/checks/index.js';
import { locateCheckpatch, mergeFindings, runCheckpatch } from '../src/analysis/checkpatch/index.js';
import { patchMail, SAMPLE_DIFF, seriesFromMails } from '../src/analysis/checks/test-series.test-util.js';
import { runCli } from './support/cli.js';
import { describeShared, sharedPath } from './support/shared.js';

const SCRIPT = sharedPath('tools', 'checkpatch', 'checkpatch.pl');
const hasPerl = spawnSync('perl', ['-e', '1']).status === 0;
if (!hasPerl) console.log('checkpatch tests skipped: perl is not installed (Debian package perl)');
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-checkpatch-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// A patch with one long code line (both tools see it) and an added `unsigned x;` (both), on real-shaped mail.
const diff = SAMPLE_DIFF.replace('+\tret = dma_buf_mapping_match(attach);', `+\tret = dma_buf_mapping_match(attach, ${'attach->dmabuf->priv + '.repeat(3)}0);\n+\tunsigned flags;`)
  .replace('@@ -10,3 +10,5 @@', '@@ -10,3 +10,6 @@');
const mails = [patchMail({ diff })];

describeShared('checkpatch.pl beside the native checks', ['tools', 'checkpatch'], () => {
  it.skipIf(!hasPerl)('runs on every patch and merges: one finding per problem, each with its source', async () => {
    const series = await seriesFromMails(mails);
    const real = await runCheckpatch(series, SCRIPT, { jobs: 2 });
    expect(real.notes).toEqual([]);
    expect(real.findings.map((f) => [f.type, f.source, f.where.patch])).toEqual(expect.arrayContaining([
      ['LONG_LINE', 'checkpatch', 1], ['UNSPECIFIED_INT', 'checkpatch', 1],
    ]));
    const native = runChecks(series);
    const merged = mergeFindings(native, real.findings, findingType);
    for (const type of ['LONG_LINE', 'UNSPECIFIED_INT']) {
      expect(merged.filter((f) => findingType(f) === type).map((f) => f.source), type).toEqual(['checkpatch']);
    }
    // The line checkpatch names is the line our parser has for the same text.
    const long = real.findings.find((f) => f.type === 'LONG_LINE')!;
    expect(native.find((f) => f.id === 'long-line')!.where.bodyLine).toBe(long.where.bodyLine);
  });

  it.skipIf(!hasPerl)('says once that checkpatch crashed and keeps the native findings', async () => {
    const broken = join(tmp, 'checkpatch.pl');
    writeFileSync(broken, 'die "Global symbol requires explicit package name\\n";\n');
    const series = await seriesFromMails([...mails, patchMail({ n: 2, total: 2 })].map((m, i) => ({ ...m, subject: m.subject.replace(/\d+\/1\]/, `${i + 1}/2]`) })));
    const run = await runCheckpatch(series, broken);
    expect(run.findings).toEqual([]);
    expect(run.notes).toEqual([`checkpatch: ${broken} failed: Global symbol requires explicit package name; native checks only for those patches`]);
  });

  it('says once that perl is missing, as a note, not a failed run', async () => {
    const series = await seriesFromMails(mails);
    const saved = process.env.PATH;
    process.env.PATH = tmp; // no perl here
    try {
      const run = await runCheckpatch(series, SCRIPT);
      expect(run).toEqual({ findings: [], notes: ['checkpatch: perl is not installed; native checks only'] });
    } finally {
      process.env.PATH = saved;
    }
  });

  it('finds the script from --checkpatch, the environment, or a base tree; a repository config is not asked', () => {
    const tree = join(tmp, 'linux');
    spawnSync('mkdir', ['-p', join(tree, 'scripts')]);
    writeFileSync(join(tree, 'scripts', 'checkpatch.pl'), '');
    expect(locateCheckpatch({ flag: SCRIPT, gitConfig: false })).toMatchObject({ kind: 'script', path: SCRIPT });
    expect(locateCheckpatch({ flag: 'off', baseDir: tree, gitConfig: false })).toEqual({ kind: 'none' });
    expect(locateCheckpatch({ env: { PATCHSCOPE_CHECKPATCH: SCRIPT }, gitConfig: false })).toMatchObject({ kind: 'script', path: SCRIPT });
    expect(locateCheckpatch({ baseDir: tree, env: {}, gitConfig: false })).toMatchObject({ kind: 'script', from: 'the base tree' });
    expect(locateCheckpatch({ flag: join(tmp, 'nope.pl'), gitConfig: false })).toMatchObject({ kind: 'unusable' });
  });

  it.skipIf(!hasPerl)('check --checkpatch: text says each source, --format json carries source and type', () => {
    const mbox = join(tmp, 'one.mbox');
    const m = mails[0]!;
    writeFileSync(mbox, `From x Mon Sep 17 00:00:00 2001\nFrom: Jason Gunthorpe <jgg@nvidia.com>\nSubject: ${m.subject}\nDate: Tue, 17 Feb 2026 20:11:33 -0400\nMessage-ID: <1@x>\n\n${m.body}`);
    const text = runCli(['check', mbox, '--checkpatch', SCRIPT]);
    expect(text.out).toMatch(/^WARNING:LONG_LINE: line length of \d+ exceeds 100 columns \[checkpatch\]$/m);
    const json = runCli(['check', mbox, '--checkpatch', SCRIPT, '--format', 'json']);
    const findings = JSON.parse(json.out).series[0].findings as { source: string; type: string }[];
    expect(findings.every((f) => (f.source === 'native' || f.source === 'checkpatch') && /^[A-Z0-9_]+$/.test(f.type))).toBe(true);
    expect(findings.filter((f) => f.type === 'LONG_LINE').map((f) => f.source)).toEqual(['checkpatch']);
    const off = runCli(['check', mbox, '--checkpatch', join(tmp, 'missing.pl')]);
    expect(off.err).toMatch(/^patchscope: checkpatch: --checkpatch names .*missing\.pl, which is not a file; native checks only$/m);
  });
});
