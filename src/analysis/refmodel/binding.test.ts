import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeriesSet } from '../../series/index.js';
import type { DiffFile, Patch, PatchSeries } from '../../series/index.js';
import { checkBinding } from './binding.js';
import { loadBindingFile, type Binding } from './files.js';
import { FIXTURES } from './model.test-util.js';

function file(path: string, lines: { kind: 'add' | 'remove' | 'context'; text: string }[], section = ''): DiffFile {
  const hunkLines = lines.map((l, k) => ({ ...l, oldLine: k + 1, newLine: k + 1, bodyLine: k + 10 }));
  return {
    path, oldPath: path, newPath: path, status: 'modified', binary: false, oldMode: null, newMode: null, similarity: null,
    added: 0, removed: 0, bodyLine: 5,
    hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, section, header: `@@ -1 +1 @@ ${section}`, bodyLine: 9, lines: hunkLines }],
  };
}

function patch(index: number, summary: string, files: DiffFile[]): Patch {
  return { index, subject: summary, subjectInfo: { summary }, messageId: `${index}@test`, files } as unknown as Patch;
}

const series = (patches: Patch[]): PatchSeries => ({ patches } as unknown as PatchSeries);

const bindingOf = (entries: Binding['patches']): Binding => ({ source: 'binding.json', patches: entries });

describe('checkBinding', () => {
  it('should accept a patch that touches the claimed files and names the symbols in changed lines or the changed function', () => {
    const b = bindingOf([{ patch: 1, subject: 'a: b', deltas: [], files: ['x.c', 'y.h'], symbols: ['dma_buf_mapping_attach', 'helper'] }]);
    const p = patch(1, 'a: b', [file('x.c', [{ kind: 'add', text: 'int dma_buf_mapping_attach(void);' }]), file('y.h', [{ kind: 'remove', text: 'x' }], 'int helper(void)')]);
    expect(checkBinding(b, series([p]))).toEqual([]);
  });

  it('should report each file and symbol the patch does not touch, whole identifiers only', () => {
    const b = bindingOf([{ patch: 1, subject: 'a: b', deltas: [], files: ['x.c', 'z.c'], symbols: ['DMA_BUF_EMAPPING_SGT', 'gone'] }]);
    const p = patch(1, 'a: b', [file('x.c', [{ kind: 'add', text: 'DMA_BUF_EMAPPING_SGT_P2P(ops, pdev),' }, { kind: 'context', text: 'gone();' }])]);
    expect(checkBinding(b, series([p])).map((m) => [m.kind, m.expected])).toEqual([
      ['file-not-touched', 'z.c'],
      ['symbol-not-touched', 'DMA_BUF_EMAPPING_SGT'],
      ['symbol-not-touched', 'gone'],
    ]);
  });

  it('should report missing, unbound and renamed patches', () => {
    const b = bindingOf([{ patch: 1, subject: 'old: name', deltas: [], files: [], symbols: [] }, { patch: 3, subject: '', deltas: [], files: [], symbols: [] }]);
    const mismatches = checkBinding(b, series([patch(1, 'new: name', []), patch(2, 'x', [])]));
    expect(mismatches.map((m) => [m.patch, m.kind])).toEqual([[1, 'subject-differs'], [3, 'missing-patch'], [2, 'unbound-patch']]);
  });
});

describe('checkBinding on the bundled series', () => {
  let bundled: PatchSeries;
  const binding = loadBindingFile(join(FIXTURES, 'binding.json'));
  beforeAll(async () => {
    bundled = (await loadSeriesSet(join(FIXTURES, 'series.mbox'))).series[0]!;
  });

  it('should find every claimed file and symbol in the 26 patches', () => {
    expect(bundled.patches).toHaveLength(26);
    expect(checkBinding(binding, bundled)).toEqual([]);
  });

  it('should notice a binding that puts the PAL importer in the wrong patch', () => {
    const moved = { ...binding, patches: binding.patches.map((p) => (p.patch === 22 ? { ...p, symbols: ['DMA_BUF_IMAPPING_PAL'] } : p)) };
    expect(checkBinding(moved, bundled)).toEqual([expect.objectContaining({ patch: 22, kind: 'symbol-not-touched', expected: 'DMA_BUF_IMAPPING_PAL' })]);
  });
});
