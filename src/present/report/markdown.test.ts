import { describe, it, expect } from 'vitest';
import { buildReportBlocks } from './report-document.js';
import { renderMarkdown } from './markdown.js';
import { demoFindings, demoInput } from './report-fixture.test-util.js';

const md = () => renderMarkdown(buildReportBlocks(demoInput()));

describe('renderMarkdown', () => {
  it('should keep every line within 72 columns, but code and single unbreakable words', () => {
    const long = md().split('\n').filter((l) => l.length > 72 && !l.startsWith('    ') && /\S\s+\S/.test(l.replace(/^- /, '')));
    expect(long).toEqual([]);
  });

  it('should list each patch with author and review state', () => {
    const text = md();
    expect(text).toMatch(/- 1\/3 widget: Introduce mapping types\n  Ann Author <ann@example.org>, 2026-02-18 01:11 UTC\n  Trailers: Signed-off-by: Ann Author <ann@example.org>\n  Review: Reviewed-by: Rita Reviewer <rita@example.com> \(reply\); 1\s+reply\n/);
    expect(text).toMatch(/Review: no trailer yet; 1 reply from Rita\s+Reviewer/);
    expect(text).toContain('Review: no replies');
    expect(text).toContain('For the whole series (on the cover letter): Acked-by: Vic Viewer\n<vic@example.com> (reply).');
  });

  it('should strip terminal controls and keep mail text from becoming HTML or structure', () => {
    const text = md();
    expect(text).not.toMatch(/[\x1b\x07\u202e]/);
    expect(text).toContain('widget: include \\<linux/widget.h> evil');
    expect(text).toContain('3/3 # not a heading - and * not a list');
    expect(renderMarkdown([{ kind: 'list', items: [['# heading? *bold* _em_ dma_buf_map `tick`']] }]))
      .toBe('- \\# heading? \\*bold\\* \\_em\\_ dma_buf_map \\`tick\\`\n');
    expect(text).not.toMatch(/(?<!\\)<(?!\S+@\S+>)/);
  });

  it('should sort findings errors first within a patch, patches in order', () => {
    const text = md();
    const order = ['series [check]', 'patch 2 [error]', 'patch 3 [warning]'].map((s) => text.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('should give the same bytes whatever order findings came in, and a time only when asked', () => {
    const shuffled = { ...demoInput(), findings: [...demoFindings].reverse() };
    expect(renderMarkdown(buildReportBlocks(shuffled))).toBe(md());
    expect(md()).not.toMatch(/generated/);
    expect(renderMarkdown(buildReportBlocks(demoInput(), { now: new Date('2026-04-22T10:00:00Z') }))).toMatch(/generated\s+2026-04-22T10:00:00Z\./);
  });

  it('should show the model verdict per step and the counterexample trace as code', () => {
    const text = md();
    expect(text).toContain('- step 1 sgt: all invariants hold\n  patches 1, 2; driver burden 4; 12 states');
    expect(text).toContain('- step 2 pal: violates HIDE_PHYS');
    expect(text).toContain('Counterexample, step pal:\n\n    HIDE_PHYS violated: iommufd received a PAL\n');
    expect(text).toContain('    replay (patchscope verify --replay):\n      posted:2:vfio-pci:0:iommufd:attach,map\n');
    expect(text).toContain('    1. attach(vfio-pci→iommufd, pal)\n         iommufd.attach: detached → attached pal\n    2. map(');
    expect(text).toContain('Outcome: fail, NOT as expected (expected pass).');
  });

  it('should end the step list before a trace, so the trace is a code block and not list text', () => {
    // CommonMark: after a blank line, a line indented four spaces continues a `- ` item (content at
    // column 2) as a paragraph; only a line at column 0 in between closes the list.
    const lines = md().split('\n');
    const code = lines.findIndex((l) => l.startsWith('    HIDE_PHYS violated'));
    expect(lines[code - 1]).toBe('');
    expect(lines[code - 2]).toMatch(/^Counterexample, step pal:$/);
    expect(lines[code - 3]).toBe('');
    expect(lines[code - 4]).toMatch(/^  /);
  });

  it('should fit long trace lines to 72 columns and keep a long replay string whole', () => {
    const input = demoInput();
    const cx = input.verify!.sequences[0]!.steps[1]!.invariants[0]!.counterexample!;
    cx.message = 'iommufd received a PAL: 1 physical range(s) of vfio-pci (e0000000+4000) and more';
    cx.trace[1]!.changes = ['iommufd.mapping: - → pal [100000+4000] sees e0000000+4000 (PAL e0000000+4000)'];
    cx.replay = 'as-posted#23:vfio-pci[0]>iommufd:attach(vfio-pci->iommufd);map(vfio-pci->iommufd, pal)';
    const text = renderMarkdown(buildReportBlocks(input));
    expect(text).toContain('    HIDE_PHYS violated: iommufd received a PAL: 1 physical range(s) of\n      vfio-pci (e0000000+4000) and more\n');
    expect(text).toContain('         iommufd.mapping: - → pal [100000+4000] sees e0000000+4000 (PAL\n           e0000000+4000)\n');
    expect(text).toContain(`\n      ${cx.replay}\n`);
    // Single tokens (the cover's Message-ID) may overrun; of the breakable lines, only the replay does.
    expect(text.split('\n').filter((l) => l.length > 72 && /\s/.test(l.trim()))).toEqual([`      ${cx.replay}`]);
  });
});
