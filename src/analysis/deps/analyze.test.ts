import { afterEach, describe, expect, it } from 'vitest';
import { seriesOfDiffs, type PatchSpec } from '../apply/series-of-diffs.js';
import { diffsOfStates, makeTree, removeTestTrees, type Files } from '../apply/temp-tree.test-util.js';
import { analyzeSeries } from './analyze.js';

afterEach(() => removeTestTrees());

// A small tree in kernel style: a core with widget_attach() and two drivers that call it.
const driver = (name: string): string =>
  `#include <widget.h>\n\nstatic int ${name}_probe(struct widget *w)\n{\n\tint ret;\n\n\tret = widget_attach(w);\n\treturn ret;\n}\n`;
const BASE: Files = {
  'include/widget.h': '#ifndef WIDGET_H\n#define WIDGET_H\nstruct widget;\nint widget_attach(struct widget *w);\n#endif\n',
  'lib/widget.c': '#include <widget.h>\n\nint widget_attach(struct widget *w)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL(widget_attach);\n',
  'drivers/a.c': driver('a'),
  'drivers/b.c': driver('b'),
};
// 1: add widget_map(); 2: driver a calls it; 3: rename widget_attach treewide.
const ADD_MAP: Files = {
  'include/widget.h': BASE['include/widget.h']!.replace('#endif', 'int widget_map(struct widget *w);\n#endif'),
  'lib/widget.c': `${BASE['lib/widget.c']}\nint widget_map(struct widget *w)\n{\n\treturn 1;\n}\nEXPORT_SYMBOL(widget_map);\n`,
};
const USE_MAP: Files = { 'drivers/a.c': driver('a').replace('\treturn ret;', '\treturn ret ?: widget_map(w);') };
const rename = (files: Files): Files =>
  Object.fromEntries(Object.entries(files).map(([p, t]) => [p, t.replaceAll('widget_attach', 'widget_sgt_attach')]));

/** The trees after each patch of the series, base first; `renamed` are the files patch 3 renames in. */
function states(renamed: string[]): Files[] {
  const s1 = { ...BASE, ...ADD_MAP };
  const s2 = { ...s1, ...USE_MAP };
  return [BASE, s1, s2, { ...s2, ...rename(Object.fromEntries(renamed.map((p) => [p, s2[p]!]))) }];
}

async function series(renamed: string[], order = [0, 1, 2]): Promise<ReturnType<typeof seriesOfDiffs>> {
  const diffs = await diffsOfStates(states(renamed));
  const specs: PatchSpec[] = [
    { subject: 'widget: add widget_map()', diffText: diffs[0]! },
    { subject: 'a: map on probe', diffText: diffs[1]! },
    { subject: 'treewide: rename widget_attach() to widget_sgt_attach()', diffText: diffs[2]! },
  ];
  return seriesOfDiffs('widgets', order.map((i) => specs[i]!));
}

const ALL = ['include/widget.h', 'lib/widget.c', 'drivers/a.c', 'drivers/b.c'];

describe('analyzeSeries with a base tree', { timeout: 30_000 }, () => {
  it('applies and is bisectable at every patch; every cut is possible', async () => {
    const result = await analyzeSeries(await series(ALL), { base: { kind: 'dir', path: makeTree(BASE) }, split: [1, 2], suggestSplit: true });
    expect(result.apply?.appliedAll).toBe(true);
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'ok', 'ok']);
    expect(result.bisect.partial).toBe(false);
    expect(result.findings).toEqual([]);
    expect(result.split?.ok).toBe(true);
    expect(result.suggestion?.cuts).toEqual([1, 2]);
    expect(result.graph.edges.map((e) => [e.from, e.to])).toEqual([[2, 1], [3, 1], [3, 2]]);
  });

  it('finds the user a treewide rename missed, at that patch, with file and line', async () => {
    const result = await analyzeSeries(await series(ALL.filter((p) => p !== 'drivers/b.c')), { base: { kind: 'dir', path: makeTree(BASE) } });
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'ok', 'broken']);
    expect(result.findings).toEqual([expect.objectContaining({
      id: 'bisect-undefined-symbol', severity: 'error',
      where: expect.objectContaining({ patch: 3, file: 'drivers/b.c', line: 7 }),
      message: expect.stringContaining('widget_attach at drivers/b.c:7, which is renamed to widget_sgt_attach by patch 3'),
    })]);
  });

  it('reports a breakage once, even when a later patch shifts the broken line', async () => {
    const renamed = ALL.filter((p) => p !== 'drivers/b.c');
    const missed = await series(renamed);
    const s3 = states(renamed)[3]!;
    const s4 = { ...s3, 'drivers/b.c': `// SPDX-License-Identifier: GPL-2.0\n${s3['drivers/b.c']}` };
    const [shift] = await diffsOfStates([s3, s4]);
    const four = seriesOfDiffs('widgets', [...missed.patches.map((p) => ({ subject: p.subject, diffText: p.diffText })), { subject: 'b: add SPDX line', diffText: shift! }]);
    const result = await analyzeSeries(four, { base: { kind: 'dir', path: makeTree(BASE) } });
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'ok', 'broken', 'broken']);
    expect(result.bisect.patches[3]).toMatchObject({ broken: [expect.objectContaining({ file: 'drivers/b.c', line: 8 })] });
    expect(result.findings.map((f) => f.where.patch)).toEqual([3]);
  });

  it('finds a patch moved before the one that introduces its symbol, and the split it blocks', async () => {
    const result = await analyzeSeries(await series(ALL, [1, 0, 2]), { base: { kind: 'dir', path: makeTree(BASE) }, split: [1], suggestSplit: true });
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['broken', 'ok', 'ok']);
    expect(result.findings[0]).toMatchObject({ where: { patch: 1, file: 'drivers/a.c', line: 8 } });
    expect(result.findings[0]!.message).toContain('widget_map at drivers/a.c:8, which is defined only by the later patch 2');
    expect(result.split?.parts.map((p) => [p.first, p.last, p.standsAlone])).toEqual([[1, 1, false], [2, 3, true]]);
    expect(result.split?.parts[0]!.needs.map((n) => [n.patch, n.needs])).toEqual([[1, 2]]);
    expect(result.suggestion?.cuts).toEqual([2]);
  });
});

describe('analyzeSeries and struct fields', { timeout: 30_000 }, () => {
  const OPS = 'struct widget_ops {\n\tint (*map)(void);\n\tint (*legacy_map)(void);\n};\n';
  const user = (name: string): string => `#include <ops.h>\n\nstatic const struct widget_ops ${name}_ops = {\n\t.map = ${name}_map,\n\t.legacy_map = ${name}_map,\n};\n`;
  const TREE: Files = { 'include/ops.h': OPS, 'drivers/x.c': user('x'), 'drivers/y.c': user('y') };

  it('finds an initializer of a field the series removed', async () => {
    const next = { ...TREE, 'include/ops.h': OPS.replace('\tint (*legacy_map)(void);\n', ''), 'drivers/x.c': user('x').replace(/\t\.legacy_map.*\n/, '') };
    const [diff] = await diffsOfStates([TREE, next]);
    const result = await analyzeSeries(seriesOfDiffs('ops', [{ subject: 'remove legacy_map', diffText: diff! }]), { base: { kind: 'dir', path: makeTree(TREE) } });
    expect(result.findings).toEqual([expect.objectContaining({
      where: expect.objectContaining({ patch: 1, file: 'drivers/y.c', line: 5 }),
      message: expect.stringContaining('uses the field .legacy_map (designated initializer) at drivers/y.c:5, which is removed by patch 1'),
    })]);
  });
});

describe('analyzeSeries without a base tree', { timeout: 30_000 }, () => {
  it('says the answer is partial and still sees what the series shows', async () => {
    const clean = await analyzeSeries(await series(ALL));
    expect(clean.apply).toBeNull();
    expect(clean.bisect).toMatchObject({ partial: true, bisectable: true });
    const moved = await analyzeSeries(await series(ALL, [1, 0, 2]));
    // Regression (issue 17 bug 1): without a base the answer is "?", a CHECK, never "breaks the build".
    expect(moved.bisect.patches.map((p) => p.status)).toEqual(['unknown', 'ok', 'ok']);
    expect(moved.findings[0]).toMatchObject({ id: 'bisect-undefined-symbol', severity: 'check', where: { patch: 1, file: 'drivers/a.c' } });
  });
});
