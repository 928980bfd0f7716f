import { describe, it, expect } from 'vitest';
import { commitTrailers, replyTrailers, numberLines, canonicalTrailerKey, formatTrailer, mergeTrailers } from './trailers.js';
import { parsePerson, sameMailbox } from './person.js';

describe('commitTrailers', () => {
  it('should read the last paragraph with canonical keys, persons and body lines', () => {
    const msg = 'Subject line body.\n\nMore prose: with a colon.\n\nreviewed-BY: A B <a@b.org>\nFixes: 0123456789ab ("x: y")\nSigned-off-by: C D <c@d.org>\n';
    const got = commitTrailers(msg, 'p@x', 'patch');
    expect(got).toEqual([
      { key: 'Reviewed-by', value: 'A B <a@b.org>', from: 'p@x', origin: 'patch', person: { name: 'A B', email: 'a@b.org' }, line: 5 },
      { key: 'Fixes', value: '0123456789ab ("x: y")', from: 'p@x', origin: 'patch', person: null, line: 6 },
      { key: 'Signed-off-by', value: 'C D <c@d.org>', from: 'p@x', origin: 'patch', person: { name: 'C D', email: 'c@d.org' }, line: 7 },
    ]);
  });

  it('should join continuations and wrapped addresses and skip [extinfo] lines as b4 does', () => {
    const msg = [
      'Prose.', '',
      'Reviewed-by: Bogus Bupkes <bogus@example.com>',
      '[for the parts that are bogus]',
      'Tested-by: Some Person <bogus2@example.com>',
      '           [indented]',
      'Link: https://msgid.link/x  # initial submission',
      'Signed-off-by: Wrapped Persontrailer',
      '<broken@example.com>',
    ].join('\n');
    expect(commitTrailers(msg, 'p', 'patch').map(formatTrailer)).toEqual([
      'Reviewed-by: Bogus Bupkes <bogus@example.com>',
      'Tested-by: Some Person <bogus2@example.com> [indented]',
      'Link: https://msgid.link/x  # initial submission',
      'Signed-off-by: Wrapped Persontrailer <broken@example.com>',
    ]);
  });

  it('should find nothing when the last paragraph is prose', () => {
    expect(commitTrailers('Signed-off-by: X <x@y.org>\n\nJust prose here.', 'p', 'patch')).toEqual([]);
  });
});

describe('replyTrailers (b4 0.12 follow-up rules)', () => {
  const sender = { name: 'Follow Upper', email: 'follow.upper@example.org' };
  const ctx = { sender, hasDiff: false };
  const reasons = (got: ReturnType<typeof replyTrailers>) => got.ignored.map((i) => `${formatTrailer(i.trailer)} (${i.reason})`);

  // Regression (corpus thread 120): a Fixes: the author gives in a reply is collected, whoever sent it (b4: non-person).
  it('should accept trailers naming the sender and Fixes:, and set aside the others with the reason', () => {
    const lines = numberLines('Looks good.\n\nReviewed-by: Follow Upper <follow.upper@example.org>\nTested-by: Else <else@example.org>\nCc: x@y.org\nFixes: abc123', 10);
    const got = replyTrailers(lines, 'r@x', ctx);
    expect(got.accepted.map((t) => [formatTrailer(t), t.line, t.origin])).toEqual([
      ['Reviewed-by: Follow Upper <follow.upper@example.org>', 12, 'reply'],
      ['Fixes: abc123', 15, 'reply'],
    ]);
    expect(reasons(got)).toEqual(['Tested-by: Else <else@example.org> (sender-mismatch)', 'Cc: x@y.org (metadata-key)']);
  });

  it('should refuse person trailers without an address and links under non-link keys', () => {
    const got = replyTrailers(numberLines('Acked-by: me\nReviewed-by: https://x.org Follow Upper <follow.upper@example.org>\nLink: https://x.org/1'), 'r', ctx);
    expect(got.accepted).toEqual([]);
    expect(reasons(got)).toEqual([
      'Acked-by: me (not-a-review-trailer)', 'Reviewed-by: https://x.org Follow Upper <follow.upper@example.org> (not-a-review-trailer)',
      'Link: https://x.org/1 (not-a-review-trailer)',
    ]);
  });

  // Regression (corpus thread 121): `Acked-by: Name <addr> (LSM/SELinux)` is the sender's, comment and all.
  it('should keep a trailer with a comment after the address, as written', () => {
    const got = replyTrailers(numberLines('Acked-by: Follow Upper <follow.upper@example.org> (LSM/SELinux)'), 'r', ctx);
    expect(got.accepted.map(formatTrailer)).toEqual(['Acked-by: Follow Upper <follow.upper@example.org> (LSM/SELinux)']);
  });

  // Regression (corpus threads 036, 135, 137): a reply carrying its own fix-up diff signs that diff, not the patch.
  it('should not lend the Signed-off-by of a reply that carries its own diff', () => {
    const got = replyTrailers(numberLines('Like this?\n\nSigned-off-by: Follow Upper <follow.upper@example.org>'), 'r', { sender, hasDiff: true });
    expect(got.accepted).toEqual([]);
    expect(reasons(got)).toEqual(['Signed-off-by: Follow Upper <follow.upper@example.org> (own-patch)']);
  });
});

// Regression (corpus threads 036, 109): `    Fixes: …` inside a quoted `git log` excerpt is not the sender's trailer.
describe('replyTrailers on an indented excerpt', () => {
  it('should set aside indented trailer lines', () => {
    const text = 'Like upstream did:\n\ncommit 0123456789ab\n    Fixes: 5d74781ebc86 ("vfio/pci: Add dma-buf export")\n    Reviewed-by: A <a@b.org>\n';
    const got = replyTrailers(numberLines(text), 'r', { sender: { name: 'A', email: 'a@b.org' }, hasDiff: false });
    expect(got.accepted).toEqual([]);
    expect(got.ignored.map((i) => i.reason)).toEqual(['indented', 'indented']);
  });
});

describe('mergeTrailers', () => {
  it('should drop a reply trailer the patch already has', () => {
    const base = commitTrailers('x\n\nReviewed-by: A <a@b.org>', 'p', 'patch');
    const extra = replyTrailers(numberLines('reviewed-by: a <A@b.org>\nTested-by: A <a@b.org>'), 'r', { sender: { name: 'A', email: 'a@b.org' }, hasDiff: false }).accepted;
    expect(mergeTrailers(base, extra).map((t) => `${t.from} ${formatTrailer(t)}`)).toEqual(['p Reviewed-by: A <a@b.org>', 'r Tested-by: A <a@b.org>']);
  });
});

describe('parsePerson / sameMailbox', () => {
  it.each([
    ['A B <a@b.org>', { name: 'A B', email: 'a@b.org' }],
    ['"Doe, Jane" <jane@example.com>', { name: 'Doe, Jane', email: 'jane@example.com' }],
    ['bare@example.org', { name: '', email: 'bare@example.org' }],
    ['Name (corp) <n@c.org>', { name: 'Name (corp)', email: 'n@c.org' }],
    ['Name <n@c.org> (LSM/SELinux)', { name: 'Name', email: 'n@c.org' }],
    ['Tester2, Followup <t@e.com>', null],
    ['Tester1 [corp] <t@e.com>', null],
    ['HTML <h@e.com<mailto:h@e.com>>', null],
    ['abcdef01234567890', null],
  ])('should parse %s', (value, expected) => {
    expect(parsePerson(value)).toEqual(expected);
  });

  it('should compare mailboxes as b4 does', () => {
    expect(sameMailbox('Foo+kernel@Intel.com', 'foo@intel.com')).toBe(true);
    expect(sameMailbox('foo@linux.intel.com', 'foo@intel.com')).toBe(true);
    expect(sameMailbox('foo@a.b.intel.com', 'foo@intel.com')).toBe(false);
    expect(sameMailbox('bar@intel.com', 'foo@intel.com')).toBe(false);
    expect(canonicalTrailerKey('SIGNED-OFF-BY')).toBe('Signed-off-by');
    expect(canonicalTrailerKey('X-Custom')).toBe('X-Custom');
  });
});
