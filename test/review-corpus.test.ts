// Replies written on 150 real linaro-mm-sig threads: every patch answered by a reply threaded to it,
// whose Reviewed-by our own parser collects (b4's follow-up rules) and, on threads b4 0.12 reads, b4 am
// too; headers ASCII (encoded words), no line over SMTP's 998 octets, the author addressed.
import { it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeriesSet, type PatchSeries } from '../src/series/index.js';
import { checkReview, writeReplies, type Review } from '../src/review/index.js';
import { describeShared, sharedPath } from './support/shared.js';

const THREADS = ['corpus', 'linaro-mm-sig', 'threads'];
const ME = { name: 'Zoë Reviewer', email: 'zoe.reviewer@example.org' };
const TRAILER = `Reviewed-by: ${ME.name} <${ME.email}>`;
const HAS_B4 = (() => { try { execFileSync('b4', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!HAS_B4) console.log('review-corpus: b4 am checks skipped, b4 not installed');

/** A reviewer's pass: a comment on the first added line of each patch, a Reviewed-by on each. */
function reviewOf(s: PatchSeries): Review {
  const review: Review = { comments: [], trailers: [] };
  for (const p of s.patches) {
    const f = p.files.find((x) => x.hunks.some((h) => h.lines.some((l) => l.kind === 'add')));
    const l = f?.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'add');
    if (f && l) review.comments.push({ id: `${p.index}`, patch: p.index, target: { kind: 'line', file: f.path, line: l.newLine!, side: 'new' }, text: `Comment on patch ${p.index}: is this line right? It deserves a sentence in the commit message, which should explain why.` });
    review.trailers.push({ patch: p.index, key: 'Reviewed-by', value: `${ME.name} <${ME.email}>` });
  }
  return review;
}

describeShared('review replies on the real corpus', THREADS, () => {
  const names = readdirSync(sharedPath(...THREADS)).sort();

  it('should answer every patch of every thread, threaded so that our parser collects each Reviewed-by', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'patchscope-review-corpus-'));
    let answered = 0;
    try {
      for (const name of names) {
        const thread = sharedPath(...THREADS, name, 'thread.mbox');
        const set = await loadSeriesSet(thread, { mboxrd: true });
        const s = set.series.reduce<PatchSeries | undefined>((b, x) => (!b || x.version > b.version ? x : b), undefined);
        if (!s || s.patches.length === 0) continue;
        const review = reviewOf(s);
        expect(checkReview(s, review), name).toEqual([]);
        const out = writeReplies(s, review, ME);
        for (const text of out.texts) {
          expect(text.slice(0, text.indexOf('\n\n')), name).toMatch(/^[\x20-\x7e\n]*$/);
          for (const l of text.split('\n')) expect(Buffer.byteLength(l), name).toBeLessThanOrEqual(998);
        }
        const file = join(tmp, `${name}.mbox`);
        writeFileSync(file, out.mbox);
        const back = await loadSeriesSet([thread, file], { mboxrd: true });
        const again = back.series.find((x) => x.rootId === s.rootId && x.version === s.version)!;
        expect(back.skipped, name).toEqual([]);
        for (const p of again.patches) {
          const ours = p.replies.filter((r) => r.author?.email === ME.email);
          expect(ours.map((r) => r.parentId), `${name} patch ${p.index}`).toEqual([p.messageId]);
          expect(p.trailers.filter((t) => t.origin === 'reply' && t.value === `${ME.name} <${ME.email}>`), `${name} patch ${p.index}`).toHaveLength(1);
          const mail = out.mails.find((m) => m.patch === p.index)!;
          const original = s.patches.find((x) => x.index === p.index)!;
          const author = original.mail?.replyTo ? null : original.mail?.from?.email;
          if (author && author !== ME.email) expect(mail.recipients.to.map((x) => x.email.toLowerCase()), name).toEqual([author.toLowerCase()]);
          answered++;
        }
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(answered).toBeGreaterThan(300);
  }, 600_000);

  it.skipIf(!HAS_B4)('should be collected by b4 am on threads b4 0.12 reads', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'patchscope-review-b4-'));
    writeFileSync(join(tmp, '.gitconfig'), '[user]\n\tname = T\n\temail = t@example.org\n');
    let checked = 0;
    try {
      for (const name of names) {
        if (checked >= 8) break;
        const expected = JSON.parse(readFileSync(sharedPath(...THREADS, name, 'expected.json'), 'utf8')) as { b4?: { b4Crashed?: boolean; patchCount?: number } };
        if (!expected.b4 || expected.b4.b4Crashed || !expected.b4.patchCount || expected.b4.patchCount < 2) continue;
        const thread = sharedPath(...THREADS, name, 'thread.mbox');
        const set = await loadSeriesSet(thread, { mboxrd: true });
        const s = set.series.reduce<PatchSeries | undefined>((b, x) => (!b || x.version > b.version ? x : b), undefined);
        if (!s || s.patches.length !== expected.b4.patchCount) continue;
        const out = writeReplies(s, reviewOf(s), ME);
        const all = join(tmp, `${name}.mbox`);
        writeFileSync(all, readFileSync(thread, 'utf8') + out.mbox);
        const dir = join(tmp, name);
        mkdirSync(dir);
        execFileSync('b4', ['--offline-mode', 'am', '-m', all, '-o', dir, `<${s.patches[0]!.messageId}>`], { stdio: 'ignore', env: { ...process.env, HOME: tmp, XDG_CONFIG_HOME: tmp, GIT_CONFIG_NOSYSTEM: '1' } });
        const mbx = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.mbx'))!), 'utf8');
        expect(mbx.split(TRAILER).length - 1, name).toBe(s.patches.length);
        checked++;
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    expect(checked).toBeGreaterThan(3);
  }, 600_000);
});
