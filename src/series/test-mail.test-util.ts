import type { RawMessage } from '../ingest/index.js';

/** Options for a literal message in unit tests; everything not given gets a plain default. */
export interface MailOptions {
  id?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  subject?: string;
  from?: string;
  date?: string | null;
  /** The Date header as written; `date` then defaults to its instant. */
  dateHeader?: string;
  body?: string;
  index?: number;
  source?: string;
}

/** Builds a RawMessage as ingest would hand it over: for tests of series code that must not depend on ingest. */
export function mail(opts: MailOptions = {}): RawMessage {
  const from = opts.from ?? 'Test Author <author@example.org>';
  const m = /^(.*?)\s*<([^>]+)>$/.exec(from);
  const index = opts.index ?? 1;
  return {
    origin: { source: opts.source ?? 'test.mbox', index, offset: null },
    messageId: opts.id === undefined ? `m${index}@example.org` : opts.id,
    inReplyTo: opts.inReplyTo ?? null,
    references: opts.references ?? (opts.inReplyTo ? [opts.inReplyTo] : []),
    from: m ? { name: m[1] ?? '', email: m[2] ?? '' } : { name: '', email: from },
    date: opts.date !== undefined ? opts.date : opts.dateHeader !== undefined ? new Date(opts.dateHeader).toISOString() : `2026-02-18T01:11:${String(index % 60).padStart(2, '0')}.000Z`,
    dateHeader: opts.dateHeader ?? null,
    subject: opts.subject ?? `Message ${index}`,
    body: opts.body ?? '',
    attachments: [],
    headers: [],
    warnings: [],
  };
}
