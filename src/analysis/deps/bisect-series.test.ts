import { describe, expect, it } from 'vitest';
import { seriesOfDiffs } from '../apply/series-of-diffs.js';
import { analyzeSeries } from './analyze.js';

/** A one-file diff: `lines` are hunk lines with their ' ', '+' or '-' marker. */
function diff(path: string, start: number, lines: string[], section = ''): string {
  const old = lines.filter((l) => !l.startsWith('+')).length;
  const now = lines.filter((l) => !l.startsWith('-')).length;
  return [
    `diff --git a/${path} b/${path}`, `--- a/${path}`, `+++ b/${path}`,
    `@@ -${start},${old} +${start},${now} @@${section ? ` ${section}` : ''}`, ...lines, '',
  ].join('\n');
}

describe('series-only bisect: file-scoped statics (regression: RFC patch 07 "uses mock_map_dma_buf")', () => {
  // Patch 1 wires a static callback its own file already defines (base code the diff does not show); patch 2 adds a
  // different static of the same name in a new test file. The first is no use of the second.
  const series = seriesOfDiffs('statics', [
    { subject: 'i915: convert the mock exporter', diffText: diff('drivers/gpu/drm/i915/mock_dmabuf.c', 90, [
      ' static const struct dma_buf_ops mock_dmabuf_ops = {',
      '-\t.map_dma_buf = mock_map_dma_buf,',
      '+\t.map_dma_buf = mock_map_dma_buf, /* via the SGT type */',
      ' };',
    ]) },
    { subject: 'dma-buf: add kunit tests', diffText: diff('drivers/dma-buf/st-dma-mapping.c', 1, [
      '+static struct sg_table *mock_map_dma_buf(struct dma_buf_attachment *a, int dir)',
      '+{',
      '+\treturn NULL;',
      '+}',
    ]) },
  ]);

  it('does not call a use broken because another file adds a static of that name later', async () => {
    const result = await analyzeSeries(series);
    expect(result.findings.filter((f) => f.id === 'bisect-undefined-symbol')).toEqual([]);
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'ok']);
  });

  it('still sees a static used in its own file before the patch that defines it there', async () => {
    const own = seriesOfDiffs('own static', [
      { subject: 'a: call helper', diffText: diff('drivers/a.c', 10, [' int probe(void)', ' {', '+\treturn a_helper();', ' }']) },
      { subject: 'a: add helper', diffText: diff('drivers/a.c', 1, ['+static int a_helper(void)', '+{', '+\treturn 0;', '+}']) },
    ]);
    const result = await analyzeSeries(own);
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['unknown', 'ok']);
  });
});

describe('series-only bisect: a removed symbol still used (regression: dma_resv_add_excl_fence in lima/msm)', () => {
  // Patch 1 shows lima calling widget_excl() (context of an unrelated change); patch 2 removes widget_excl();
  // patch 3 touches something else entirely. lima still calls it after 2 and after 3.
  const series = seriesOfDiffs('removed', [
    { subject: 'lima: tidy', diffText: diff('drivers/gpu/drm/lima/lima_gem.c', 20, [
      ' \tif (write)', ' \t\twidget_excl(obj, fence);', '-\telse', '+\telse /* shared */', ' \t\twidget_shared(obj, fence);',
    ]) },
    { subject: 'widget: remove widget_excl()', diffText: diff('lib/widget.c', 30, [
      '-void widget_excl(struct obj *o, struct fence *f)', '-{', '-}', ' ',
    ]) },
    { subject: 'docs: typo', diffText: diff('lib/other.c', 1, ['-/* teh */', '+/* the */']) },
  ]);

  it('keeps the patch unknown at every later patch, reported once, never as a build break', async () => {
    const result = await analyzeSeries(series);
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'unknown', 'unknown']);
    const found = result.findings.filter((f) => f.id === 'bisect-undefined-symbol');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'check', where: { patch: 2, file: 'drivers/gpu/drm/lima/lima_gem.c' } });
    expect(found[0]!.message).toMatch(/widget_excl .* removed by patch 2 as far as the series shows/);
    expect(result.bisect.bisectable).toBe(false);
  });

  it('lets the use go once a patch removes it', async () => {
    const fixed = seriesOfDiffs('fixed', [
      ...series.patches.slice(0, 2).map((p) => ({ subject: p.subject, diffText: p.diffText })),
      { subject: 'lima: stop using widget_excl()', diffText: diff('drivers/gpu/drm/lima/lima_gem.c', 20, [
        ' \tif (write)', '-\t\twidget_excl(obj, fence);', '+\t\twidget_shared(obj, fence);',
      ]) },
    ]);
    const result = await analyzeSeries(fixed);
    expect(result.bisect.patches.map((p) => p.status)).toEqual(['ok', 'unknown', 'ok']);
  });
});
