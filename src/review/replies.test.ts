// The reply mails on the bundled RFC series (real addressing: 11 recipients, a folded subject, a
// non-ASCII Cc): shape of the body, headers, MIME, threading, and what refuses a bad comment.
import { describe, it, expect, beforeAll } from 'vitest';
import { resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { loadSeriesSet, type PatchSeries } from '../series/index.js';
import { checkReview, writeReplies, type Review } from './index.js';
import { CUT } from './reply-body.js';

const MBOX = resolve(__dirname, '../../fixtures/dmabuf-mapping-types/series.mbox');
const ME = { name: 'Rëvi Ewer', email: 'rev@example.org' };
const CLOCK = (() => { let n = 0; return { now: () => new Date(Date.UTC(2026, 11, 4, 21, 0, n)), uniqueId: () => `u${++n}` }; })();

let series: PatchSeries;
beforeAll(async () => { series = (await loadSeriesSet(MBOX)).series[0]!; });

/** The first added line of a patch's first file: a place a reviewer comments on. */
function firstAdded(patch: number) {
  const p = series.patches.find((x) => x.index === patch)!;
  const f = p.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'add')))!;
  const l = f.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'add')!;
  return { file: f.path, line: l.newLine!, text: `+${l.text}` };
}

function review(): Review {
  const a = firstAdded(23);
  return {
    comments: [
      { id: 'a', patch: 23, target: { kind: 'line', file: a.file, line: a.line, side: 'new' }, text: 'Who holds the lock here? The unmap path in the exporter takes it, but this caller does not seem to, so two threads can race on the mapping list.' },
      { id: 'b', patch: 23, target: { kind: 'hunk', file: a.file, hunk: 1 }, text: 'The whole hunk wants a comment saying why HIDE_PHYS is safe.' },
      { id: 'c', patch: 0, target: { kind: 'patch' }, text: 'Thanks, this reads well overall.' },
    ],
    trailers: [
      { patch: 21, key: 'Reviewed-by', value: 'Rëvi Ewer <rev@example.org>' },
      { patch: 0, key: 'Acked-by', value: 'Rëvi Ewer <rev@example.org>' },
    ],
  };
}

describe('writeReplies on the bundled series', () => {
  it('should write one mail per patch written about, the cover first, each answering its patch', () => {
    const out = writeReplies(series, review(), ME, CLOCK);
    expect(out.mails.map((m) => m.patch)).toEqual([0, 21, 23]);
    const p23 = series.patches.find((p) => p.index === 23)!;
    const m23 = out.mails[2]!;
    expect(m23.inReplyTo).toBe(p23.messageId);
    expect(m23.subject).toBe(`Re: ${p23.rawSubject}`);
    expect(out.texts[2]).toMatch(new RegExp(`^References: <${series.cover!.messageId.replace(/[+.]/g, '\\$&')}>\\n <${p23.messageId.replace(/[+.]/g, '\\$&')}>$`, 'm'));
    expect(new Set(out.mails.map((m) => m.messageId)).size).toBe(3);
  });

  it('should quote the commented line with its context and put the comment under it, cut elsewhere', () => {
    const a = firstAdded(23);
    const body = writeReplies(series, review(), ME, CLOCK).mails[2]!.body;
    const lines = body.split('\n');
    expect(lines[0]).toMatch(/^On .*2026.*, Jason Gunthorpe wrote:$/);
    const at = lines.indexOf(`> ${a.text}`);
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('');
    expect(lines[at + 2]).toMatch(/^Who holds the lock here\?/);
    expect(lines).toContain(CUT);
    expect(lines).toContain(`> diff --git a/${a.file} b/${a.file}`);
    // Prose wrapped at 72; quoted diff lines are the author's and stay as they were.
    for (const l of lines) if (!l.startsWith('>')) expect([...l].length, l).toBeLessThanOrEqual(72);
    expect(body.length).toBeLessThan(series.patches.find((p) => p.index === 23)!.body.length);
  });

  it('should end with the trailers, and a trailer-only reply should quote only the summary', () => {
    const out = writeReplies(series, review(), ME, CLOCK);
    expect(out.mails[1]!.body.trimEnd().split('\n').at(-1)).toBe('Reviewed-by: Rëvi Ewer <rev@example.org>');
    expect(out.mails[0]!.body).toMatch(/Thanks, this reads well overall\.\n\nAcked-by: Rëvi Ewer <rev@example.org>\n$/);
    expect(out.mails[1]!.body).not.toContain('diff --git');
  });

  it('should address the author and Cc everyone else the patch went to, leaving the reviewer out', () => {
    const p21 = series.patches.find((p) => p.index === 21)!;
    const kevin = { name: 'Kevin Tian', email: 'kevin.tian@intel.com' };
    const r = { comments: [], trailers: [{ patch: 21, key: 'Acked-by', value: 'Kevin Tian <kevin.tian@intel.com>' }] };
    const mail = writeReplies(series, r, kevin, CLOCK).mails[0]!;
    expect(mail.recipients.to).toEqual([p21.mail!.from]);
    const cc = mail.recipients.cc.map((p) => p.email);
    expect(cc).not.toContain('kevin.tian@intel.com');
    expect(cc).toContain('linaro-mm-sig@lists.linaro.org');
    expect(cc).toContain('christian.koenig@amd.com');
    expect(cc).not.toContain(p21.mail!.from!.email);
    expect(new Set(cc.map((e) => e.toLowerCase())).size).toBe(cc.length);
  });

  it('should be valid MIME: a mail parser reads back the same subject, addresses, threading and UTF-8 body', async () => {
    const out = writeReplies(series, review(), ME, CLOCK);
    for (const [i, text] of out.texts.entries()) {
      const m = out.mails[i]!;
      expect(text).not.toMatch(/[^\n]{999,}/);
      const headerBlock = text.slice(0, text.indexOf('\n\n'));
      expect(headerBlock).toMatch(/^[\x20-\x7e\n]*$/); // headers are ASCII: encoded words for names
      const parsed = await simpleParser(text);
      expect(parsed.subject).toBe(m.subject);
      expect(parsed.text).toBe(m.body);
      expect(parsed.messageId).toBe(`<${m.messageId}>`);
      expect(parsed.inReplyTo).toBe(`<${m.inReplyTo}>`);
      expect(parsed.from?.value[0]).toEqual({ name: ME.name, address: ME.email });
      expect((Array.isArray(parsed.cc) ? parsed.cc : [parsed.cc]).flatMap((c) => c?.value ?? []).map((a) => a.name)).toContain('Christian König');
      expect(parsed.date?.toISOString()).toBe(m.date.toISOString());
      expect(parsed.html).toBe(false);
    }
  });
});

describe('checkReview', () => {
  it('should refuse a comment on a line the patch does not show, naming patch, file and line', () => {
    const a = firstAdded(23);
    const r: Review = { comments: [{ id: 'x', patch: 23, target: { kind: 'line', file: a.file, line: 99999, side: 'new' }, text: 'hm' }], trailers: [] };
    const [refusal] = checkReview(series, r);
    expect(refusal?.message).toMatch(new RegExp(`^patch 23/26, ${a.file.replace(/\./g, '\\.')}: line 99999 \\(new side\\) is not in the patch \\(its hunks show new lines \\d+-\\d+`));
  });

  it('should refuse a file the patch does not change, a missing patch and a malformed trailer', () => {
    const r: Review = {
      comments: [
        { id: 'x', patch: 3, target: { kind: 'line', file: 'no/such.c', line: 1, side: 'new' }, text: 'hm' },
        { id: 'y', patch: 27, target: { kind: 'patch' }, text: 'hm' },
      ],
      trailers: [{ patch: 2, key: 'Reviewed-by', value: 'nobody' }],
    };
    expect(checkReview(series, r).map((x) => x.message)).toEqual([
      expect.stringMatching(/^patch 3\/26, no\/such\.c is not in the patch \(it changes /),
      expect.stringMatching(/^patch 27 is not in the series/),
      'Reviewed-by: "nobody" is not "Name <address>"',
    ]);
  });

  it('should accept the review the mails are written from', () => {
    expect(checkReview(series, review())).toEqual([]);
  });
});

describe('a comment on a removed line', () => {
  it('should quote the - line (old side numbering) and put the comment under it', () => {
    const p = series.patches.find((x) => x.files.some((f) => f.hunks.some((h) => h.lines.some((l) => l.kind === 'remove'))))!;
    const f = p.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'remove')))!;
    const l = f.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'remove')!;
    const r: Review = { comments: [{ id: 'o', patch: p.index, target: { kind: 'line', file: f.path, line: l.oldLine!, side: 'old' }, text: 'Why drop this?' }], trailers: [] };
    expect(checkReview(series, r)).toEqual([]);
    const lines = writeReplies(series, r, ME, CLOCK).mails[0]!.body.split('\n');
    const at = lines.indexOf(`> -${l.text}`);
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 3)).toEqual(['', 'Why drop this?']);
  });
});
