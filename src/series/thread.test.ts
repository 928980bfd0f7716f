import { describe, it, expect } from 'vitest';
import { threadMessages, descendants, synthesiseMessageId } from './thread.js';
import { mail } from './test-mail.test-util.js';
import { cpuNow } from '../../test/support/cpu-clock.js';

describe('threadMessages', () => {
  it('should hang replies under their In-Reply-To parent', () => {
    const t = threadMessages([
      mail({ id: 'a', index: 1 }),
      mail({ id: 'b', inReplyTo: 'a', index: 2 }),
      mail({ id: 'c', inReplyTo: 'b', references: ['a', 'b'], index: 3 }),
    ]);
    expect(t.roots).toEqual(['a']);
    expect(t.nodes.get('a')?.children).toEqual(['b']);
    expect(t.nodes.get('c')?.parentId).toBe('b');
    expect(descendants(t.nodes, 'a').map((d) => [d.node.messageId, d.depth])).toEqual([['b', 1], ['c', 2]]);
  });

  it('should create phantom parents and link them through References', () => {
    const t = threadMessages([mail({ id: 'c', inReplyTo: 'b', references: ['a', 'b'], index: 1 })]);
    expect(t.nodes.get('b')).toMatchObject({ phantom: true, parentId: 'a', children: ['c'] });
    expect(t.nodes.get('a')).toMatchObject({ phantom: true, parentId: null });
    expect(t.roots).toEqual(['a']);
  });

  it('should keep the first copy of a repeated Message-ID and note the rest', () => {
    const t = threadMessages([mail({ id: 'a', index: 1, subject: 'first' }), mail({ id: 'a', index: 2, subject: 'second' })]);
    expect(t.messages.map((m) => m.message.subject)).toEqual(['first']);
    expect(t.duplicates.map((m) => m.message.origin.index)).toEqual([2]);
    expect(t.notes.join('\n')).toMatch(/message 2 repeats Message-ID <a>/);
  });

  it('should synthesise a stable id for a message without Message-ID', () => {
    const m = mail({ id: null, index: 7, source: 'dir/x.mbox' });
    const t = threadMessages([m]);
    expect(t.messages[0]?.id).toBe('patchscope-dir_x.mbox-7@local');
    expect(synthesiseMessageId(m)).toBe(t.messages[0]?.id);
    expect(t.notes[0]).toMatch(/no Message-ID/);
  });

  it('should break a reference cycle and keep every message', () => {
    const t = threadMessages([mail({ id: 'a', inReplyTo: 'b', index: 1 }), mail({ id: 'b', inReplyTo: 'a', index: 2 })]);
    expect(t.roots.length).toBe(1);
    expect(t.notes.some((n) => n.includes('cycle'))).toBe(true);
    const root = t.roots[0] as string;
    expect(1 + descendants(t.nodes, root).length).toBe(2);
  });

  it('should ignore a message that names itself as parent', () => {
    const t = threadMessages([mail({ id: 'a', inReplyTo: 'a', references: ['a'], index: 1 })]);
    expect(t.roots).toEqual(['a']);
  });

  it('should thread a 10,000-deep chain without overflowing the stack', () => {
    const n = 10_000;
    const msgs = Array.from({ length: n }, (_, i) => mail({ id: `m${i}`, inReplyTo: i ? `m${i - 1}` : null, index: i + 1 }));
    const started = cpuNow();
    const t = threadMessages(msgs.reverse());
    const d = descendants(t.nodes, 'm0');
    expect(t.roots).toEqual(['m0']);
    expect(d.length).toBe(n - 1);
    expect(d[d.length - 1]?.depth).toBe(n - 1);
    expect(cpuNow() - started).toBeLessThan(2000);
  });
});
