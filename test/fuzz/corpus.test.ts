// The kept corpus (test/corpus/: hand-made hostile inputs and every input the fuzzer or the growth
// tests ever broke on) and the real conformance samples each keep the fuzz property; a handful are
// also given to the real CLI, which must exit 0, 1 or 2, never print a stack trace, and say why in
// one line when it exits 2.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expectClean, fuzzScratch, runPipeline } from './pipeline.js';
import { CORPUS_DIR, REPO_ROOT, corpusSeeds, loadSeeds } from './seeds.js';

const scratch = fuzzScratch();
afterAll(() => scratch.dispose());

const corpus = corpusSeeds();
const inputs = [...loadSeeds({ large: false }).filter((s) => !s.name.startsWith('corpus/')), ...corpus];

describe('corpus and conformance inputs keep the fuzz property', () => {
  it.each(inputs.map((s) => [s.name, s] as const))('%s', async (_name, seed) => {
    expectClean(await runPipeline(scratch.file('input', seed.bytes), { deps: true }), seed.bytes.length);
  });

  it('holds the inputs the README lists', () => {
    expect(corpus.map((s) => s.name)).toEqual(expect.arrayContaining(['corpus/bomb.mbox.gz', 'corpus/long-line-body.mbox.gz', 'corpus/many-references.mbox.gz']));
  });
});

describe('specific corpus outcomes', () => {
  const outcome = async (name: string) => runPipeline(join(CORPUS_DIR, name), { deps: true });

  it('a decompression bomb is one limit error', async () => {
    const o = await outcome('bomb.mbox.gz');
    expect(o.kind === 'error' && o.error.code).toBe('limit');
  });

  it('a cut gzip keeps nothing it could not finish and names the cut as a skipped message', async () => {
    const o = await outcome('truncated.mbox.gz');
    expect(o.kind).toBe('set');
    if (o.kind === 'set') expect(o.set.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(/gzip data truncated or corrupt/)]);
  });

  it('a reference cycle and a repeated Message-ID are noted, and every message is placed', async () => {
    const o = await outcome('threading-traps.mbox');
    expect(o.kind).toBe('set');
    if (o.kind !== 'set') return;
    expect(o.set.messages).toBe(5);
    expect(o.set.notes.join('\n')).toMatch(/cycle/);
    expect(o.set.notes.join('\n')).toMatch(/repeats Message-ID <p2@x>/);
  });
});

describe('the real CLI on corpus inputs', () => {
  const BIN = join(REPO_ROOT, 'bin', 'patchscope');
  const shown = ['bomb.mbox.gz', 'truncated.mbox.gz', 'cr-only.mbox', 'deep-mime.eml', 'nul-invalid-utf8.mbox', 'threading-traps.mbox'];
  const checked = ['bad-hunk-counts.mbox', 'threading-traps.mbox', 'odd-prefixes.mbox'];
  const cases = [...shown.map((c) => ['show', c] as const), ...checked.map((c) => ['check', c] as const)];
  it.each(cases)('%s %s', (cmd, name) => {
    const r = spawnSync(process.execPath, [BIN, cmd, join(CORPUS_DIR, name), '-q'], { encoding: 'utf8', timeout: 60_000 });
    expect([0, 1, 2]).toContain(r.status);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    if (r.status === 2) expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
