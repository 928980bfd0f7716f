import type { Reply } from '../../../series/index.js';
import { clean, line, mailLine, BLANK, type DocLine } from './lines.js';
import { personName, shortDate } from './lookups.js';

export function replyHeading(reply: Reply, indent = ''): DocLine {
  return line([
    [`${indent}┌ `, 'reply-head'], [clean(personName(reply.author)), 'reply-head'],
    [`  ${clean(shortDate(reply.date))}`, 'dim'], [`  ${clean(reply.subject)}`, 'dim'],
  ], { target: { kind: 'reply', messageId: reply.messageId } });
}

/**
 * A reply as mutt shows it: quotes and new text interleaved, indented by thread depth. The trailers it gives are
 * shown once: highlighted where the reviewer wrote them, and listed below only when the text does not hold them as
 * one line (a value folded over two lines).
 */
export function replyBody(reply: Reply, indent = ''): DocLine[] {
  const text = reply.newText.split('\n');
  const asWritten = (t: Reply['trailers'][number]) => `${t.key}: ${t.value}`.toLowerCase();
  const trailerLines = new Set(reply.trailers.map(asWritten));
  const out: DocLine[] = [];
  let next = 0;
  const flushText = (upTo: number) => {
    for (; next < Math.min(upTo, text.length); next++) {
      const own = text[next] as string;
      out.push(mailLine(`${indent}│ ${own}`, trailerLines.has(own.trim().toLowerCase()) ? 'trailer' : 'reply', { wrap: `${indent}│ ` }));
    }
  };
  for (const block of reply.quoted) {
    flushText(block.beforeNewLine);
    for (const q of block.lines) out.push(mailLine(`${indent}│ ${'> '.repeat(block.depth)}${q}`, 'quote', { wrap: `${indent}│ ${'> '.repeat(block.depth)}` }));
  }
  flushText(text.length);
  const inText = new Set(text.map((l) => l.trim().toLowerCase()));
  for (const t of reply.trailers) if (!inText.has(asWritten(t))) out.push(mailLine(`${indent}│ ${t.key}: ${t.value}`, 'trailer', { wrap: `${indent}│   ` }));
  return out;
}

/** The replies pane: every reply of the patch in thread order, whole. */
export function repliesDoc(replies: Reply[]): DocLine[] {
  if (replies.length === 0) return [line([['No replies to this message.', 'dim']])];
  const out: DocLine[] = [];
  for (const r of replies) {
    const indent = '  '.repeat(Math.max(0, r.depth - 1));
    out.push(replyHeading(r, indent), ...replyBody(r, indent), BLANK);
  }
  return out;
}
