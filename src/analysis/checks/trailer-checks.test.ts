import { describe, expect, it } from 'vitest';
import { findingsOf, hitsOf } from './test-findings.test-util.js';
import { runChecks } from './run-checks.js';
import { patchMail, seriesFromMails, TEST_AUTHOR } from './test-series.test-util.js';

const SOB = `Signed-off-by: ${TEST_AUTHOR}`;
/** The patch mail with these trailers; its first trailer sits on body line 3. */
const withTrailers = (...lines: string[]) => [patchMail({ trailers: lines.join('\n') })];
const rows = (hits: { where: { bodyLine?: number }; message: string }[]) => hits.map((h) => [h.where.bodyLine, h.message]);

describe('sign-off checks', () => {
  it('should find nothing wrong in a patch signed by its author', async () => {
    const found = await findingsOf(withTrailers('Reviewed-by: Kevin Tian <kevin.tian@intel.com>', SOB));
    expect(found).toEqual([]);
  });

  it('should report a missing Signed-off-by as an error', async () => {
    const hits = await hitsOf('missing-signoff', withTrailers('Reviewed-by: Kevin Tian <kevin.tian@intel.com>'));
    expect(hits.map((h) => [h.severity, h.message])).toEqual([['error', 'Missing Signed-off-by: line(s)']]);
  });

  it('should want the author among the signers', async () => {
    const hits = await hitsOf('no-author-sign-off', withTrailers('Signed-off-by: Leon Romanovsky <leon@kernel.org>'));
    expect(hits.map((h) => h.message)).toEqual(["Missing Signed-off-by: line by nominal patch author 'jgg@nvidia.com'"]);
  });

  it('should say the author signed with another address, as checkpatch does (regression: "missing Signed-off-by")', async () => {
    const mail = withTrailers('Signed-off-by: Jason Gunthorpe <jgg@ziepe.ca>');
    expect(await hitsOf('no-author-sign-off', mail)).toEqual([]);
    expect((await hitsOf('from-sign-off-mismatch', mail)).map((h) => [h.excerpt, h.message])).toEqual([
      ['Signed-off-by: Jason Gunthorpe <jgg@ziepe.ca>', "From:/Signed-off-by: email address mismatch: 'From: Jason Gunthorpe <jgg@nvidia.com>' != 'Signed-off-by: Jason Gunthorpe <jgg@ziepe.ca>'"],
    ]);
    const renamed = withTrailers('Signed-off-by: J. Gunthorpe <jgg@nvidia.com>');
    expect((await hitsOf('from-sign-off-mismatch', renamed))[0]!.message).toMatch(/^From:\/Signed-off-by: email name mismatch/);
    expect(await hitsOf('from-sign-off-mismatch', withTrailers(SOB))).toEqual([]);
  });

  it('should want the sender to sign last', async () => {
    const hits = await hitsOf('sender-sign-off-not-last', withTrailers(SOB, 'Signed-off-by: Leon Romanovsky <leon@kernel.org>'));
    expect(rows(hits)).toEqual([[4, "the sender 'jgg@nvidia.com' should sign off last, after this Signed-off-by:"]]);
  });

  it('should not guess the sender of a git range, whose From: is the commit author', async () => {
    const mails = withTrailers(SOB, 'Signed-off-by: Leon Romanovsky <leon@kernel.org>');
    const series = await seriesFromMails(mails, 'git:HEAD~1..HEAD');
    expect(runChecks(series, { only: ['sender-sign-off-not-last'] })).toEqual([]);
  });

  it('should read an in-body From: as the author and leave the unknown sender alone', async () => {
    const mail = patchMail({ message: 'From: Leon Romanovsky <leon@kernel.org>\n\nMoves code.\n',
      trailers: `Signed-off-by: Leon Romanovsky <leon@kernel.org>\n${SOB}` });
    expect(await findingsOf([{ ...mail, from: 'Leon Romanovsky <leon@kernel.org>' }], ['no-author-sign-off', 'sender-sign-off-not-last'])).toEqual([]);
    const unsigned = { ...mail, body: mail.body.replace('Signed-off-by: Leon Romanovsky <leon@kernel.org>\n', '') };
    expect(await hitsOf('no-author-sign-off', [unsigned])).toHaveLength(1);
  });
});

describe('trailer syntax checks', () => {
  it('should flag casing, missing colon, stray blanks and non-standard signatures at their line', async () => {
    const hits = await hitsOf('trailer-malformed', withTrailers(
      'Signed-off-by Jason Gunthorpe <jgg@nvidia.com>',
      'Acked-by : Christian Koenig <christian.koenig@amd.com>',
      'Reviewed-by:Kevin Tian <kevin.tian@intel.com>',
      'Signed off by: Jason Gunthorpe <jgg@nvidia.com>',
      'Approved-by: Somebody <somebody@example.org>',
      SOB,
    ));
    expect(rows(hits)).toEqual([
      [3, "'Signed-off-by' lacks its colon: write 'Signed-off-by: value'"],
      [4, 'Do not use whitespace before the colon of Acked-by:'],
      [5, 'Use a single space after Reviewed-by:'],
      [6, "Non-standard signature: 'Signed off by:' - did you mean 'Signed-off-by:'?"],
      [7, 'Non-standard signature: Approved-by:'],
    ]);
  });

  it('should flag unusual casing of a known key', async () => {
    const hits = await hitsOf('trailer-key-casing', withTrailers('Signed-Off-By: Jason Gunthorpe <jgg@nvidia.com>'));
    expect(hits.map((h) => [h.where.bodyLine, h.message, h.excerpt])).toEqual([
      [3, "'Signed-off-by:' is the preferred signature form", 'Signed-Off-By: Jason Gunthorpe <jgg@nvidia.com>'],
    ]);
  });

  it('should count a mis-cased Signed-Off-By as a sign-off', async () => {
    expect(await hitsOf('missing-signoff', withTrailers('Signed-Off-By: Jason Gunthorpe <jgg@nvidia.com>'))).toEqual([]);
  });

  it('should require an email in person trailers only', async () => {
    const hits = await hitsOf('trailer-missing-email', withTrailers('Reported-by: syzbot', 'Fixes: 123456789abc ("dma-buf: x")', SOB));
    expect(hits.map((h) => [h.severity, h.where.bodyLine, h.message])).toEqual([['error', 3, "Unrecognized email address: 'syzbot'"]]);
  });
});

describe('trailer order and reference checks', () => {
  it('should want Co-developed-by immediately followed by the same person signing off', async () => {
    const good = withTrailers('Co-developed-by: Leon Romanovsky <leon@kernel.org>', 'Signed-off-by: Leon Romanovsky <leon@kernel.org>', SOB);
    expect(await hitsOf('co-developed-by-without-sign-off', good)).toEqual([]);
    const apart = withTrailers('Co-developed-by: Leon Romanovsky <leon@kernel.org>', SOB);
    expect(rows(await hitsOf('co-developed-by-without-sign-off', apart))).toEqual([
      [4, 'Co-developed-by and Signed-off-by: name/email do not match'],
    ]);
    const last = withTrailers(SOB, 'Co-developed-by: Leon Romanovsky <leon@kernel.org>');
    expect(rows(await hitsOf('co-developed-by-without-sign-off', last))).toEqual([[4, 'Co-developed-by: must be immediately followed by Signed-off-by:']]);
  });

  it('should accept a 12-digit Fixes: with a quoted title and explain what is wrong otherwise', async () => {
    expect(await hitsOf('bad-fixes-tag', withTrailers('Fixes: c63e5a50e1dd ("dma-buf: Add the thing")', SOB))).toEqual([]);
    const hits = await hitsOf('bad-fixes-tag', withTrailers('Fixes: c63e5a50 ("dma-buf: Add the thing")', 'Fixes: c63e5a50e1dd dma-buf: Add', SOB));
    expect(hits.map((h) => [h.where.bodyLine, h.message.split(';')[0]])).toEqual([
      [3, 'Fixes: SHA-1 has 8 hex digits, use at least 12'],
      [4, 'Fixes: title should follow the SHA-1 as ("<title line>")'],
    ]);
  });

  it('should want Reported-by followed by Closes:, as checkpatch does', async () => {
    const ok = withTrailers('Reported-by: Baolu Lu <baolu.lu@linux.intel.com>', 'Closes: https://lore.kernel.org/r/x@y', SOB);
    expect(await hitsOf('bad-reported-by-link', ok)).toEqual([]);
    const bare = withTrailers('Reported-by: Baolu Lu <baolu.lu@linux.intel.com>', SOB);
    expect(rows(await hitsOf('bad-reported-by-link', bare))).toEqual([[3, 'Reported-by: should be immediately followed by Closes: with a URL to the report']]);
    const link = withTrailers('Reported-by: Baolu Lu <baolu.lu@linux.intel.com>', 'Link: https://lore.kernel.org/r/x@y', SOB);
    expect(await hitsOf('bad-reported-by-link', link)).toHaveLength(1);
  });

  it('should take Reported-and-tested-by as standard and want its Closes: (regression: called non-standard)', async () => {
    const mail = withTrailers('Reported-and-tested-by: Baolu Lu <baolu.lu@linux.intel.com>', SOB);
    expect(await hitsOf('trailer-malformed', mail)).toEqual([]);
    expect(rows(await hitsOf('bad-reported-by-link', mail))).toEqual([[3, 'Reported-by: should be immediately followed by Closes: with a URL to the report']]);
    const closed = withTrailers('Reported-and-tested-by: Baolu Lu <baolu.lu@linux.intel.com>', 'Closes: https://lore.kernel.org/r/x@y', SOB);
    expect(await hitsOf('bad-reported-by-link', closed)).toEqual([]);
  });

  it('should want Link: and Closes: to carry an http(s) URL', async () => {
    const hits = await hitsOf('bad-link-tag', withTrailers(
      'Link: https://lore.kernel.org/r/20260217.1@nvidia.com # v1',
      'Link: lore.kernel.org/r/x',
      'Closes: https://bugzilla kernel.org/1',
      SOB,
    ));
    expect(rows(hits)).toEqual([
      [4, 'Link: should be followed by a well-formed http(s) URL'],
      [5, 'Closes: should be followed by a well-formed http(s) URL'],
    ]);
  });
});

describe('trailer block', () => {
  it('should read trailers that follow prose without a blank line, as b4 and git do', async () => {
    // No newline after the message: the sign-off directly follows the prose line.
    const mail = patchMail({ message: 'Importers attach with a list of mapping types.' });
    expect(mail.body.startsWith(`Importers attach with a list of mapping types.\nSigned-off-by: ${TEST_AUTHOR}\n`)).toBe(true);
    expect(await findingsOf([mail])).toEqual([]);
  });

  it('should read a sign-off a mailer wrapped: no email on its line, and a stray line after it', async () => {
    const found = await findingsOf(withTrailers('Reviewed-by: Kevin Tian <kevin.tian@intel.com>', 'Signed-off-by: Jason Gunthorpe', '<jgg@nvidia.com>'));
    expect(found.map((f) => [f.id, f.severity, f.where.bodyLine])).toEqual([
      ['no-author-sign-off', 'error', undefined],
      ['trailer-missing-email', 'error', 4],
      ['trailer-malformed', 'warning', 5],
    ]);
  });

  it('should not take a last prose paragraph with a colon for trailers', async () => {
    const mail = patchMail({ message: 'Importers attach.\n\nNote: the helper is gone.\nIt was unused.', trailers: '' });
    expect(mail.body.startsWith('Importers attach.\n\nNote: the helper is gone.\nIt was unused.\n\n---\n')).toBe(true);
    const found = await findingsOf([mail]);
    expect(found.map((f) => f.id)).toEqual(['missing-signoff']);
  });
});

describe('duplicate-signature', () => {
  it('should flag the second copy of a trailer, blanks and case aside', async () => {
    const hits = await hitsOf('duplicate-signature', withTrailers(SOB, 'Reviewed-by: Kevin Tian <kevin.tian@intel.com>', 'signed-off-by: Jason  Gunthorpe <JGG@nvidia.com>'));
    expect(hits.map((h) => [h.severity, h.where.bodyLine])).toEqual([['warning', 5]]);
    expect(await hitsOf('duplicate-signature', withTrailers('Acked-by: Jason Gunthorpe <jgg@nvidia.com>', SOB))).toEqual([]);
  });
});

describe('sign-offs outside the trailer block', () => {
  it('should count a sign-off followed by a changelog paragraph above the ---, as checkpatch does', async () => {
    const found = await findingsOf(withTrailers(SOB, '', 'Changes in v2:', '- rebased'));
    expect(found.map((f) => f.id)).toEqual([]);
  });
});
