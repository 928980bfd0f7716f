import type { RawMessage } from '../ingest/index.js';

/**
 * Footers mailing-list software appends to every message it passes on. They are not part of what the sender
 * wrote: not reply text, not commit message, not diff. Known forms, each only as the last lines of a body:
 * - Mailman 3: a line of underscores, `<List> mailing list -- <list@host>`, `To unsubscribe send an email to <addr>`;
 * - Mailman 2: a line of underscores, `<List> mailing list`, `<list@host>`, `http(s)://…/listinfo/<list>`.
 * (Lists served by public-inbox, lore included, add no footer.)
 */
const MAILMAN3 = /\n_{20,}\n[^\n]* mailing list -- \S+@\S+\nTo unsubscribe send an email to \S+@\S+\n*$/;
const MAILMAN2 = /\n_{20,}\n[^\n]* mailing list\n\S+@\S+\nhttps?:\/\/\S+\/listinfo\/\S+\n*$/;

/** `body` without a trailing list footer (and the blank lines before it); the body itself when it has none. */
export function withoutListFooter(body: string): string {
  // Cheap test first: almost every body that has a footer ends within a few hundred bytes of the underscores.
  const tail = body.slice(-400);
  if (!tail.includes('_____')) return body;
  const start = Math.max(0, body.length - 400);
  const cut = MAILMAN3.exec(body.slice(start)) ?? MAILMAN2.exec(body.slice(start));
  if (!cut) return body;
  // Blank lines before the footer go too; a loop, as /\n+$/ tries every newline of a long body (issue 18).
  let end = start + cut.index;
  while (end > 0 && body.charCodeAt(end - 1) === 0x0a) end--;
  // body[end] is the newline the footer's match starts with (or one of the blank lines before it): a slice keeps
  // it, and is a view of the body where `${…}\n` would be a rope that every regex then copies whole (issue 18).
  return body.slice(0, end + 1);
}

/** The message with its list footer taken off the body (the same object when there is none). */
export function stripListFooter(message: RawMessage): RawMessage {
  const body = withoutListFooter(message.body);
  return body === message.body ? message : { ...message, body };
}
