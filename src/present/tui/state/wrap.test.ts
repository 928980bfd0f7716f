import { describe, it, expect } from 'vitest';
import { mailLine, line } from './lines.js';
import { wrapDoc, wrapRow } from './wrap.js';
import { repliesDoc } from './replies-doc.js';
import { makePatch } from '../testing/fixtures.test-util.js';

const LONG = 'The exporter must never hand a physical address to an importer that did not ask for one, or the IOMMU is bypassed.';

describe('wrapping prose rows (issue 17, bug 5: replies and model messages were cut)', () => {
  it('cuts a reply row at word boundaries, continuation rows inside the reply bar, nothing lost', () => {
    const row = mailLine(`  │ ${LONG}`, 'reply', { wrap: '  │ ', replyId: 'r@x' });
    const rows = wrapRow(row, 40);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(r.text.length).toBeLessThanOrEqual(40);
    for (const r of rows.slice(1)) expect(r.text.startsWith('  │ ')).toBe(true);
    expect(rows.map((r, i) => (i ? r.text.slice(4) : r.text.slice(4))).join(' ')).toBe(LONG);
    expect(rows[0]!.replyId).toBe('r@x');
    expect(rows.slice(1).some((r) => r.replyId)).toBe(false);
  });

  it('leaves diff lines and tables alone (they scroll sideways) and returns the same document when nothing wraps', () => {
    const diff = mailLine(`+${'x'.repeat(200)}`, 'add', { pin: 1 });
    const doc = [diff, line([['short', 'plain']])];
    expect(wrapDoc(doc, 40)).toBe(doc);
  });

  it('wraps every long row of a real-shaped replies pane to the width, keeping every word', () => {
    const p = makePatch({ index: 3, summary: 'x', replies: [{ n: 1, quoted: [LONG], text: `${LONG}\nAnd ${LONG}` }] }, 3);
    const doc = repliesDoc(p.replies);
    const wrapped = wrapDoc(doc, 50);
    for (const r of wrapped) if (r.text.includes('│')) expect(r.text.length).toBeLessThanOrEqual(50);
    const words = (rows: readonly { text: string }[]) => rows.map((r) => r.text.replace(/[│>]/g, ' ')).join(' ').split(/\s+/).filter(Boolean);
    expect(words(wrapped)).toEqual(words(doc));
    expect(wrapDoc(doc, 50)).toBe(wrapped);
  });
});
