// The real CLI, spawned as a user runs it: exit codes, one-line errors, no stack traces.
import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { expectOneLineError, runCli } from './support/cli.js';

const ROOT = resolve(__dirname, '..');
const BIN = resolve(ROOT, 'bin/patchscope');
const BUNDLED = resolve(ROOT, 'fixtures/dmabuf-mapping-types/series.mbox');

const run = (args: string[], input?: string | Buffer) => runCli(args, input);

const tmp = mkdtempSync(join(tmpdir(), 'patchscope-cli-'));

/** The bundled series with patch 03's Signed-off-by removed, written to `name` in the temp folder. */
function bundledWithoutSignoff(name: string): string {
  const original = readFileSync(BUNDLED, 'utf8');
  const broken = original.replace(
    /(Subject: \[PATCH RFC 03\/26\][\s\S]*?)\nSigned-off-by: Jason Gunthorpe <jgg@nvidia.com>\n/,
    '$1\n',
  );
  // The --ignore test would pass on an unchanged mbox: make sure the damage is really there.
  expect(broken.length).toBe(original.length - 'Signed-off-by: Jason Gunthorpe <jgg@nvidia.com>\n'.length);
  const f = join(tmp, name);
  writeFileSync(f, broken);
  return f;
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('patchscope CLI', () => {
  it('--help lists every command and exits 0', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['show', 'check', 'verify', 'report', 'diff', 'am']) expect(r.out).toContain(`patchscope ${c}`);
  });

  it('show --json on the bundled series gives the contract: 1 series, 26 patches, 39 messages', () => {
    const r = run(['show', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schema).toBe(1);
    expect(j.messages).toBe(39);
    expect(j.series).toHaveLength(1);
    expect(j.series[0].total).toBe(26);
    expect(j.series[0].patches.map((p: { index: number }) => p.index)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    expect(j.series[0].missing).toEqual([]);
  });

  it('reads the same series from stdin and from gzip (by magic bytes, under a .txt name)', () => {
    const mbox = readFileSync(BUNDLED);
    const fromStdin = JSON.parse(run(['show', '-', '--json'], mbox).out);
    const gz = join(tmp, 'series.txt');
    writeFileSync(gz, gzipSync(mbox));
    const fromGz = JSON.parse(run(['show', gz, '--json']).out);
    expect(fromStdin.series[0].patches).toHaveLength(26);
    expect(fromGz.series[0].patches.map((p: { messageId: string }) => p.messageId)).toEqual(
      fromStdin.series[0].patches.map((p: { messageId: string }) => p.messageId),
    );
  });

  it('check on the bundled series applies, bisects and exits 0', () => {
    const r = run(['check', '--quiet']);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/All 26 patches apply in order/);
    expect(r.out).toMatch(/Bisectable at every patch/);
    expect(r.code).toBe(0);
  });

  it('check exits 1 when a patch loses its Signed-off-by', () => {
    const f = bundledWithoutSignoff('no-signoff.mbox');
    const r = run(['check', f, '--format', 'json']);
    expect(r.code).toBe(1);
    const ids = JSON.parse(r.out).series[0].findings.filter((x: { where: { patch?: number } }) => x.where.patch === 3).map((x: { id: string }) => x.id);
    expect(ids).toContain('missing-signoff');
  });

  it('check --ignore takes checkpatch TYPEs: the missing sign-off no longer fails the run', () => {
    const f = bundledWithoutSignoff('no-signoff-ignored.mbox');
    const r = run(['check', f, '--format', 'json', '--ignore', 'MISSING_SIGN_OFF,no-author-sign-off', '--base', join(ROOT, 'fixtures/dmabuf-mapping-types/base')]);
    const ids = JSON.parse(r.out).series[0].findings.map((x: { id: string }) => x.id);
    expect(ids).not.toContain('missing-signoff');
    expect(r.code).toBe(0);
  });

  it.each([
    ['an unknown --ignore name', ['check', '--ignore', 'NO_SUCH_CHECK'], /no check named "NO_SUCH_CHECK"/],
    ['a missing file', ['show', join(tmp, 'nope.mbox')], /nope\.mbox/],
    ['a truncated gzip', ['show', 'TRUNC'], /truncated|unexpected end|gzip/i],
    ['a file that is not mail', ['show', 'NOTMAIL'], /not-mail\.bin/],
    ['an unknown option', ['show', '--frobnicate'], /Unknown option/],
    ['a bad depth', ['verify', '--depth', 'x'], /whole number/],
    ['a sequence file that is not JSON', ['verify', '--sequence', 'BADJSON'], /bad\.json.*JSON/],
    ['a revision that looks like an option', ['show', 'git:--upload-pack=x..HEAD'], /.+/],
  ])('%s: one line on stderr, exit 2', (_what, args, pattern) => {
    const full = readFileSync(BUNDLED);
    writeFileSync(join(tmp, 'trunc.mbox.gz'), gzipSync(full).subarray(0, 2000));
    writeFileSync(join(tmp, 'not-mail.bin'), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]));
    writeFileSync(join(tmp, 'bad.json'), '{"sequences": [');
    const mapped = (args as string[]).map((a) =>
      a === 'TRUNC' ? join(tmp, 'trunc.mbox.gz') : a === 'NOTMAIL' ? join(tmp, 'not-mail.bin') : a === 'BADJSON' ? join(tmp, 'bad.json') : a,
    );
    expectOneLineError(run(mapped), pattern as RegExp);
  });

  it('verify --json: as-posted fails LOCKING at patch 12 and HIDE_PHYS at 23, proposed holds everything, exit 0 (all as expected)', () => {
    const r = run(['verify', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.schema).toBe(1);
    const seq = (name: string) => j.sequences.find((s: { name: string }) => s.name === name);
    const firstFail = seq('as-posted').steps.find((s: { verdict: string }) => s.verdict === 'fail');
    expect(firstFail.patches).toEqual([12]);
    expect(seq('as-posted').firstViolations).toEqual([{ invariant: 'LOCKING', step: 12 }, { invariant: 'HIDE_PHYS', step: 23 }]);
    const hide = seq('as-posted').steps[22].invariants.find((i: { name: string }) => i.name === 'HIDE_PHYS');
    expect(hide.holds).toBe(false);
    expect(hide.counterexample.trace.length).toBe(2);
    expect(seq('proposed').steps.every((s: { verdict: string }) => s.verdict === 'pass')).toBe(true);
    const domain = seq('exporter-maps-domain').steps.flatMap((s: { invariants: { name: string; holds: boolean }[] }) => s.invariants);
    expect(domain.some((i: { name: string; holds: boolean }) => i.name === 'HIDE_DOMAIN' && !i.holds)).toBe(true);
    expect(j.binding.mismatches).toEqual([]);
  });

  it('verify on v2 (no hand-written binding for it): derives each patch\'s deltas from its code, every step holds, exit 0', () => {
    const r = run(['verify', '--json', 'fixtures/dmabuf-mapping-types/series-v2.mbox']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.binding).toEqual({ mismatches: [], derived: true });
    expect(j.sequences.map((s: { name: string; outcome: string }) => [s.name, s.outcome])).toEqual([['as-posted', 'pass']]);
    const step12 = j.sequences[0].steps[11];
    expect(step12.deltas).toContainEqual({ delta: { op: 'set-match-lock', exporter: 'vfio-pci', asserts: false }, patch: 12, file: 'drivers/vfio/pci/vfio_pci_dmabuf.c', line: expect.any(Number) });
    const text = run(['verify', 'fixtures/dmabuf-mapping-types/series-v2.mbox']).out;
    expect(text).toMatch(/^ {4}from the code: vfio-pci offers \[sgt\] @ drivers\/vfio\/pci\/vfio_pci_dmabuf\.c:\d+; vfio-pci's match does not assert the dma_resv lock @ /m);
    expect(text).toContain('binding: derived from the code of this revision');
  });

  it('verify --replay re-runs a counterexample and exits 1 on the violation it shows', () => {
    const r = run(['verify', '--replay', 'as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/1: attach\(vfio-pci→iommufd\)/);
    expect(r.out).toMatch(/HIDE_PHYS violated at step 2/);
  });

  // Regression: `patchscope check --list-checks | head -3` printed an EPIPE stack trace.
  it('stops quietly when the reader of stdout goes away (| head)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" check --list-checks | true; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: ROOT, encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(r.stderr).toMatch(/status=0/);
  });

  it('index + find link the RFC and its v2; series:ID opens the newest version; diff -v 1 -v 2 pairs them', () => {
    const arch = join(tmp, 'archive');
    const db = join(tmp, 'index.sqlite');
    mkdirSync(arch);
    copyFileSync(BUNDLED, join(arch, '1-rfc.mbox'));
    copyFileSync(BUNDLED.replace('series.mbox', 'series-v2.mbox'), join(arch, '2-v2.mbox'));
    const indexed = run(['index', arch, '--db', db, '-q']);
    expect(indexed.code).toBe(0);
    expect(indexed.out).toMatch(/60 messages indexed/);
    const found = JSON.parse(run(['find', 'dma-buf', 'mapping', 'types', '--db', db, '--json']).out);
    expect(found.series).toHaveLength(1);
    expect(found.series[0].versions.map((v: { version: number; rfc: boolean }) => [v.version, v.rfc])).toEqual([[1, true], [2, false]]);
    const id = found.series[0].id;
    const shown = JSON.parse(run(['show', `series:${id}`, '--db', db, '--json']).out);
    expect(shown.series.map((s: { version: number }) => s.version).sort()).toEqual([1, 2]);
    const diff = run(['diff', `series:${id}`, '-v', '1', '-v', '2', '--db', db]);
    expect(diff.code).toBe(0);
    expect(diff.out).toMatch(/12: +\S+ ! +12: +\S+ vfio\/pci: Change the DMA-buf exporter to use mapping_type/);
    expectOneLineError(run(['find', 'x', '--db', join(tmp, 'missing.sqlite')]), /no archive index here/);
  });

  it('--max-message-size: oversize messages are skipped and each is named on stderr (count in == count out)', () => {
    const r = run(['show', '--json', '--max-message-size', '3000']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const skippedLines = r.err.trim().split('\n').filter((l) => /skipped .*larger than the per-message cap of 3000 bytes/.test(l));
    expect(skippedLines.length).toBeGreaterThan(0);
    expect(j.skipped).toHaveLength(skippedLines.length);
    expect(j.messages).toBe(39);
  });

  // Regression: the folder base was committed with the current time, so its commit id (shown in
  // "Applies in order" and in the JSON) changed on every run.
  // One test per format: each runs the whole review twice (apply, bisect, model), which a loaded machine
  // can stretch past one test's time limit when both formats share it.
  it.each(['md', 'json'])('report: the same input gives byte-identical %s, with a folder base', (format) => {
    const a = run(['report', '-q', '--format', format]);
    const b = run(['report', '-q', '--format', format]);
    expect(a.code).toBe(0);
    expect(a.out.length).toBeGreaterThan(1000);
    expect(b.out).toBe(a.out);
  });

  it('no INPUT and no TTY prints the plain review of the bundled series', () => {
    const r = run(['--quiet']);
    expect(r.out).toMatch(/Add DMA-buf mapping types and convert vfio\/iommufd to use them/);
    expect(r.out).toMatch(/HIDE_PHYS/);
    expect([0, 1]).toContain(r.code);
  });
});
