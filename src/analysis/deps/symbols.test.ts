import { afterEach, describe, expect, it } from 'vitest';
import { patchOf } from '../apply/series-of-diffs.js';
import { gitDiff, removeTestTrees } from '../apply/temp-tree.test-util.js';
import { indexPatchSymbols, scanFileText } from './symbols.js';

afterEach(() => removeTestTrees());

const HEADER = [
  '#ifndef WIDGET_H',
  '#define WIDGET_H',
  '/* a widget: see widget_attach() */',
  'struct widget_ops {',
  '\tint (*map)(struct widget *w);',
  '\tunsigned long flags;',
  '\tstruct device *dev;',
  '};',
  '',
  'enum widget_mode {',
  '\tWIDGET_MODE_NONE,',
  '\tWIDGET_MODE_FAST = 2,',
  '};',
  'typedef int (*widget_cb_t)(void *priv);',
  'extern const struct widget_ops widget_default_ops;',
  'struct widget;',
  'int widget_attach(struct widget *w,',
  '\t\t  const struct widget_ops *ops);',
  'EXPORT_SYMBOL(widget_attach);',
  '#endif',
  '',
].join('\n');

describe('scanFileText', { timeout: 30_000 }, () => {
  it('finds macros, records, fields, enum constants, typedefs, globals and functions', () => {
    const { defs } = scanFileText('include/widget.h', HEADER);
    expect(defs.map((d) => [d.kind, d.name, d.line, d.container ?? ''])).toEqual([
      ['macro', 'WIDGET_H', 2, ''],
      ['struct', 'widget_ops', 4, ''],
      ['field', 'map', 5, 'widget_ops'],
      ['field', 'flags', 6, 'widget_ops'],
      ['field', 'dev', 7, 'widget_ops'],
      ['enum', 'widget_mode', 10, ''],
      ['enum-constant', 'WIDGET_MODE_NONE', 11, ''],
      ['enum-constant', 'WIDGET_MODE_FAST', 12, ''],
      ['typedef', 'widget_cb_t', 14, ''],
      ['variable', 'widget_default_ops', 15, ''],
      ['function', 'widget_attach', 17, ''],
    ]);
  });

  it('ignores names in comments and strings, members, and keywords', () => {
    const src = 'int f(void)\n{\n\tpr_info("widget_detach %d", w->widget_mode); /* widget_gone */\n\treturn widget_attach(w, NULL);\n}\n';
    const uses = scanFileText('a.c', src).uses.map((u) => `${u.name}@${u.line}`);
    expect(uses).toContain('widget_attach@4');
    expect(uses).toContain('pr_info@3');
    expect(uses.some((u) => /widget_detach|widget_gone|widget_mode|return|NULL/.test(u))).toBe(false);
  });

  it('does not count parameters and locals as uses', () => {
    const src = 'int user(struct widget *w, int widget_map)\n{\n\tint widget_flags = widget_map + 1, *other;\n\n\treturn widget_attach(w) + widget_flags + *other;\n}\n';
    const uses = scanFileText('a.c', src).uses.map((u) => u.name);
    expect(uses).toContain('widget_attach');
    expect(uses.filter((n) => ['w', 'widget_map', 'widget_flags', 'other'].includes(n))).toEqual([]);
    // The next function starts a new scope: the same name there is a use again.
    const next = scanFileText('b.c', `${src}int again(void)\n{\n\treturn widget_map(NULL);\n}\n`).uses;
    expect(next.filter((u) => u.name === 'widget_map').map((u) => u.line)).toEqual([9]);
  });
});

describe('indexPatchSymbols', { timeout: 30_000 }, () => {
  it('sees a rename as a removed and an added definition of the same shape', async () => {
    const before = { 'lib/w.c': 'int widget_attach(struct widget *w)\n{\n\treturn 0;\n}\nEXPORT_SYMBOL(widget_attach);\n\nint user(void)\n{\n\treturn widget_attach(NULL);\n}\n' };
    const after = { 'lib/w.c': before['lib/w.c'].replaceAll('widget_attach', 'widget_sgt_attach') };
    const sym = indexPatchSymbols(patchOf({ subject: 's', diffText: await gitDiff(before, after) }, 1, 1));
    expect(sym.renames).toEqual([{ from: 'widget_attach', to: 'widget_sgt_attach', kind: 'function', file: 'lib/w.c', line: 1 }]);
    expect(sym.removes.map((d) => d.name)).toEqual(['widget_attach']);
    expect(sym.defines.map((d) => d.name)).toEqual(['widget_sgt_attach']);
    expect(sym.uses.filter((u) => u.name === 'widget_sgt_attach').map((u) => u.line)).toEqual([5, 9]);
  });

  it('reads the container of a hunk from its section line', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `\tint field_${i};`).join('\n');
    const before = { 'w.h': `struct widget {\n${fields}\n};\n` };
    const after = { 'w.h': before['w.h'].replace('\tint field_10;', '\tint field_10;\n\tbool peer2peer;') };
    const sym = indexPatchSymbols(patchOf({ subject: 's', diffText: await gitDiff(before, after) }, 1, 1));
    expect(sym.defines).toMatchObject([{ name: 'peer2peer', kind: 'field', container: 'widget', line: 13 }]);
  });

  it('counts a changed signature as a change, not a removal', async () => {
    const before = { 'a.c': 'int widget_map(int a)\n{\n\treturn a;\n}\n' };
    const after = { 'a.c': 'long widget_map(int a)\n{\n\treturn a;\n}\n' };
    const sym = indexPatchSymbols(patchOf({ subject: 's', diffText: await gitDiff(before, after) }, 1, 1));
    expect(sym.changes.map((d) => d.name)).toEqual(['widget_map']);
    expect(sym.removes).toEqual([]);
    expect(sym.defines).toEqual([]);
  });
});
