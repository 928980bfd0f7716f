import { describe, it, expect } from 'vitest';
import { buildReportBlocks } from './report-document.js';
import { renderText } from './text.js';
import { demoInput } from './report-fixture.test-util.js';

describe('renderText', () => {
  const text = renderText(buildReportBlocks(demoInput()));

  it('should underline headings and keep lines within 72 columns', () => {
    expect(text).toMatch(/^Review report\n=============\n\nSeries: Add widget mapping types/);
    expect(text.split('\n').filter((l) => l.length > 72 && !l.startsWith('    ') && /\S\s+\S/.test(l.replace(/^  \* /, '')))).toEqual([]);
  });

  it('should print mail text without escapes and without terminal controls', () => {
    expect(text).toContain('widget: include <linux/widget.h> evil');
    expect(text).not.toMatch(/[\x1b\x07\u202e]/);
  });

  it('should align the review table', () => {
    expect(text).toContain('  Review               Patches\n  ----------------------------\n  review trailer       1\n  replies, no trailer  1\n  no replies           1');
  });

  it('should wrap long list items under their bullet', () => {
    expect(text).toMatch(/  \* series \[check\] series-missing-cover: a very long message that goes\n    on and on to make sure/);
  });
});
