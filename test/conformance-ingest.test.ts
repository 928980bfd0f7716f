// Conformance of src/ingest against real tools' output on real inputs: git 2.39 `mailsplit` and
// `mailinfo -k` over git's t5100 corpus and b4's test samples (see shared/conformance/README.md).
// Every message must agree with git on count, author, email, subject (as kept by -k) and the
// Date instant, except for the explained differences listed below; a new difference fails, and
// so does a listed difference that no longer occurs (the table must stay true).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInput, type RawMessage } from '../src/ingest/index.js';
import { describeShared, hasShared, SHARED_DIR } from './support/shared.js';

const SHARED = SHARED_DIR;
const FOLDERS = ['git-t5100', 'b4-samples'] as const;

interface ExpectedMessage {
  index: number;
  author: string | null;
  email: string | null;
  subject_k: string | null;
  date: string | null;
}
interface ExpectedSplit {
  messages: number;
  message_list: ExpectedMessage[];
}
interface ExpectedFile extends ExpectedSplit {
  mboxrd_mode?: ExpectedSplit;
}

type Field = 'author' | 'email' | 'subject' | 'date';

/**
 * Known, explained differences. All of them are git mailinfo's *in-body headers*: a `From:`,
 * `Subject:` or `Date:` line at the top of the body (or after a `>From ` line) overrides the mail
 * header for the commit. Ingest reports the mail as sent; applying in-body headers is the
 * series stage's job (it builds the patch author), so these stay differences here.
 * Keys: `folder/file#index`, with `+rd` for git's separate mboxrd expectations.
 */
const KNOWN: Record<string, { fields: Field[]; why: string }> = {
  'git-t5100/embed-from.in#1': { fields: ['author', 'email', 'subject', 'date'], why: 'in-body From/Date/Subject after a ">From " line' },
  'git-t5100/sample.mbox#3': { fields: ['author', 'email', 'subject'], why: 'in-body From and Subject' },
  'git-t5100/sample.mbox#9': { fields: ['author', 'email', 'subject'], why: 'in-body From and Subject; the mail has no Subject' },
  'git-t5100/sample.mbox#10': { fields: ['subject'], why: 'in-body Subject' },
  'git-t5100/sample.mbox#14': { fields: ['subject'], why: 'in-body Subject after a scissors line' },
  'git-t5100/sample.mbox#15': { fields: ['author', 'email'], why: 'bogus in-body From empties the author' },
  'git-t5100/sample.mbox#16': { fields: ['date'], why: 'bogus in-body Date' },
  'git-t5100/sample.mbox#18': { fields: ['author', 'email', 'subject'], why: 'multi-line in-body headers' },
};

function loadExpected(folder: string): Record<string, ExpectedFile> {
  return JSON.parse(readFileSync(resolve(SHARED, 'conformance', folder, 'expected.json'), 'utf8')).files;
}

/** The instant a Date header names, or null: RFC 5322 dates, a trailing "(comment)" dropped. */
function instant(date: string | null): string | null {
  if (date === null) return null;
  const t = Date.parse(date.replace(/\([^)]*\)\s*$/, '').trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** The fields on which our message disagrees with git's. */
function differences(got: RawMessage, want: ExpectedMessage): Field[] {
  const fields: Field[] = [];
  if ((got.from?.name ?? null) !== want.author) fields.push('author');
  if ((got.from?.email ?? null) !== want.email) fields.push('email');
  // git prints no Subject line for an empty subject.
  if (got.subject !== (want.subject_k ?? '')) fields.push('subject');
  if (got.date !== instant(want.date)) fields.push('date');
  return fields;
}

const cases = (hasShared('conformance') ? FOLDERS : []).flatMap((folder) =>
  Object.entries(loadExpected(folder)).flatMap(([file, expected]) => [
    { folder, file, mboxrd: false, split: expected as ExpectedSplit, suffix: '' },
    // Only where --mboxrd changes git's split does the mboxrd run have its own expectations.
    { folder, file, mboxrd: true, split: expected.mboxrd_mode ?? (expected as ExpectedSplit), suffix: expected.mboxrd_mode ? '+rd' : '' },
  ]),
);

describeShared('ingest conformance with git mailsplit + mailinfo -k', ['conformance'], () => {
  it('covers every input of both corpora', () => {
    expect(cases.length).toBe(2 * (7 + 4 + 23));
  });

  const seen = new Set<string>();
  it.each(cases)('$folder/$file (mboxrd: $mboxrd)', async ({ folder, file, mboxrd, split, suffix }) => {
    const result = await readInput(resolve(SHARED, 'conformance', folder, file), { mboxrd });
    expect(result.skipped).toEqual([]);
    expect(result.messages.length).toBe(split.messages);
    const found: Record<string, Field[]> = {};
    const expectedHere: Record<string, Field[]> = {};
    result.messages.forEach((message, i) => {
      expect(message.origin.index).toBe(i + 1);
      const key = `${folder}/${file}#${i + 1}${suffix}`;
      const known = KNOWN[key];
      const diff = differences(message, split.message_list[i]!);
      if (diff.length) found[key] = diff;
      if (known) {
        expectedHere[key] = known.fields;
        seen.add(key);
      }
    });
    expect(found).toEqual(expectedHere);
  });

  it('every known difference was met', () => {
    expect([...seen].sort()).toEqual(Object.keys(KNOWN).sort());
  });
});
