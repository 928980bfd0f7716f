// Conformance of src/series against real tools on real inputs (shared/conformance/README.md):
// - b4 0.12 `am` on its own samples: which patches form the series, each patch's subject, author, email and
//   Message-ID, and the trailers of the commit b4 writes (the patch's own plus those collected from replies);
// - git 2.39 `mailinfo` on git's t5100 corpus and on the b4 samples: where the body splits into commit message
//   and patch (our patchSection against mailinfo's `patch` file, byte for byte by SHA-256).
// b4 ran without `-l`, so it added no Link:/Message-ID trailers of its own; a Link: in its output is the sender's.
// Differences are listed with their reason below. A new difference fails, and so does a listed one that no
// longer occurs: the tables must stay true.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readInput } from '../src/ingest/index.js';
import { countPlaced, formatTrailer, loadSeriesSet, parseSubject, splitPatchBody } from '../src/series/index.js';
import type { Patch, PatchSeries, SeriesSet } from '../src/series/index.js';
import { describeShared, hasShared, sharedPath } from './support/shared.js';

const CONFORMANCE = sharedPath('conformance');

interface B4Patch { subject: string; author: string; email: string; message_id: string; trailers: string[] }
interface B4Run { exit: number; log: string[]; b4_messages_analyzed: number; b4_added_trailers: string[]; patches_count: number; patches: B4Patch[]; cover?: B4Patch }
interface B4File { default: B4Run; apply_cover_trailers?: B4Run }

const b4Expected: Record<string, B4File> = hasShared('conformance')
  ? JSON.parse(readFileSync(resolve(CONFORMANCE, 'b4-samples', 'expected-b4.json'), 'utf8')).files
  : {};

/**
 * Trailer differences, `file#index` → lines only we have / only b4 has. Each is explained:
 * - already-present: b4's expected trailers come from `git interpret-trailers --parse` on mailinfo's msg file, which
 *   has no subject line, so the body's single paragraph (all trailers) is read as the title and none is reported.
 *   In the real commit (subject + body) those five lines are trailers, and we report them.
 */
const TRAILER_DIFFERENCES: Record<string, { ours: string[]; b4: string[] }> = {
  'trailers-followup-already-present.mbox#1': {
    ours: [
      'Suggested-by: Benno Lossin <lossin@kernel.org>',
      'Link: https://github.com/Rust-for-Linux/linux/issues/1189',
      'Reviewed-by: Alexandre Courbot <acourbot@nvidia.com>',
      'Acked-by: Michal Wilczynski <m.wilczynski@samsung.com>',
      'Signed-off-by: Francis Laniel <laniel_francis@privacyrequired.com>',
    ],
    b4: [],
  },
};

/** The `+ Trailer` lines b4's log announces under each patch line (`  [PATCH …] subject`), in patch order. */
function announcedPerPatch(log: string[]): string[][] {
  const out: string[][] = [];
  for (const line of log) {
    if (/^ {2}\[/.test(line)) out.push([]);
    const added = /^ {4}\+ (.*)$/.exec(line);
    if (added && out.length > 0) out[out.length - 1]?.push(added[1] as string);
  }
  return out;
}

/** b4 am's choice: the latest version, with a partial reroll's missing patches (and cover) taken from the version before. */
function b4Choice(set: SeriesSet): { series: PatchSeries; patches: Patch[]; cover: PatchSeries['cover'] } | null {
  const candidates = set.series.filter((s) => s.patches.length > 0).sort((a, b) => b.version - a.version);
  const series = candidates[0];
  if (!series) return null;
  const standIns = series.partialReroll?.standIns ?? [];
  const earlier = set.series.find((s) => s.version === series.partialReroll?.from && s.rootId === series.rootId);
  const borrowed = standIns.map((si) => earlier?.patches.find((p) => p.messageId === si.messageId)).filter((p): p is Patch => !!p);
  return { series, patches: [...series.patches, ...borrowed].sort((a, b) => a.index - b.index), cover: series.cover ?? earlier?.cover ?? null };
}

const lines = (list: { key: string; value: string }[]) => list.map(formatTrailer);
const minus = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

describeShared('series conformance with b4 am (b4-samples/expected-b4.json)', ['conformance'], () => {
  for (const [file, expected] of Object.entries(b4Expected)) {
    const run = expected.default;
    it(`should find what b4 found in ${file}`, async () => {
      const set = await loadSeriesSet(resolve(CONFORMANCE, 'b4-samples', file));
      expect(set.messages).toBe(run.b4_messages_analyzed);
      expect(countPlaced(set)).toBe(set.messages);
      const chosen = b4Choice(set);
      expect(chosen?.patches.length ?? 0).toBe(run.patches_count);
      run.patches.forEach((want, i) => {
        const got = chosen?.patches[i] as Patch;
        expect(got.subject).toBe(parseSubject(want.subject).summary);
        expect(got.author).toEqual({ name: want.author, email: want.email });
        expect(`<${got.messageId}>`).toBe(want.message_id);
        // b4 writes every trailer it applies into the commit; a few it announces ("+ …") fail to land there when
        // the patch is not a git diff (b4 0.12 rebuilds such bodies without them), so the announced ones count too.
        const theirs = [...new Set([...want.trailers, ...(announcedPerPatch(run.log)[i] ?? [])])];
        const ours = lines(got.trailers);
        const known = TRAILER_DIFFERENCES[`${file}#${i + 1}`] ?? { ours: [], b4: [] };
        expect({ ours: minus(ours, theirs), b4: minus(theirs, ours) }).toEqual(known);
      });
      if (run.cover) expect(chosen?.cover?.messageId).toBe(run.cover.message_id.replace(/^<|>$/g, ''));
    });

    const withCover = expected.apply_cover_trailers;
    if (withCover) {
      it(`should hold the cover-letter trailers b4 -t spreads over the patches of ${file}`, async () => {
        const set = await loadSeriesSet(resolve(CONFORMANCE, 'b4-samples', file));
        const chosen = b4Choice(set);
        const coverReplies = lines((chosen?.cover?.trailers ?? []).filter((t) => t.origin === 'reply'));
        withCover.patches.forEach((want, i) => {
          const got = chosen?.patches[i] as Patch;
          const ours = [...new Set([...lines(got.trailers), ...coverReplies])];
          const theirs = [...new Set([...want.trailers, ...(announcedPerPatch(withCover.log)[i] ?? [])])];
          expect({ ours: minus(ours, theirs), b4: minus(theirs, ours) }).toEqual({ ours: [], b4: [] });
        });
      });
    }
  }

  it('should set aside exactly the reply trailers b4 reports as from/email mismatches', async () => {
    for (const [file, expected] of Object.entries(b4Expected)) {
      const set = await loadSeriesSet(resolve(CONFORMANCE, 'b4-samples', file));
      const replies = set.series.flatMap((s) => [...(s.cover?.replies ?? []), ...s.patches.flatMap((p) => p.replies)]);
      // b4 reports sender mismatches only; our ignored list also keeps metadata lines, links and the like, with why.
      const ours = replies.flatMap((r) => (r.ignoredTrailers ?? []).filter((i) => i.reason === 'sender-mismatch').map((i) => i.trailer));
      const theirs = expected.default.log.filter((l) => l.startsWith('    ! Trailer: ')).map((l) => l.slice('    ! Trailer: '.length));
      expect({ file, ignored: lines(ours).sort() }).toEqual({ file, ignored: theirs.sort() });
    }
  });

  it('should list only differences that still occur', () => {
    expect(Object.keys(TRAILER_DIFFERENCES).every((k) => (k.split('#')[0] as string) in b4Expected)).toBe(true);
  });
});

/**
 * Where our patchSection differs from git mailinfo's `patch` file, `folder/file#index` → reason:
 */
const SPLIT_DIFFERENCES: Record<string, string> = {
  'git-t5100/quoted-cr.mbox#2': 'QP-encoded CRLF: mailinfo keeps the CRs ("quoted CRLF detected"); ingest normalises CRLF to LF',
  'git-t5100/sample.mbox#5': 'ISO-8859-1 body: mailinfo leaves the patch file in the sender\'s charset; ingest decodes to UTF-8',
  'git-t5100/sample.mbox#11': 'the blank line before the next "From " line: mailsplit keeps it in the message, ingest treats it as the separator\'s',
};

interface MailinfoMessage { patch_bytes: number; patch_sha256: string; author: string | null; email: string | null; subject: string | null }
interface MailinfoFile { message_list: MailinfoMessage[] }

/** Read when a test runs, not when the suite is collected: a plain clone has no ../shared. */
function mailinfoExpected(folder: string): Record<string, MailinfoFile> {
  return JSON.parse(readFileSync(resolve(CONFORMANCE, folder, 'expected.json'), 'utf8')).files;
}

describeShared('commit message / patch split conformance with git mailinfo (expected.json)', ['conformance'], () => {
  for (const folder of ['git-t5100', 'b4-samples']) {
    it(`should split every message of ${folder} where mailinfo does`, async () => {
      const files = mailinfoExpected(folder);
      const differences: Record<string, string> = {};
      for (const [file, expected] of Object.entries(files)) {
        const result = await readInput(resolve(CONFORMANCE, folder, file));
        result.messages.forEach((m, i) => {
          const want = expected.message_list[i] as MailinfoMessage;
          const section = splitPatchBody(m.body).patchSection;
          const patchFile = section === '' || section.endsWith('\n') ? section : `${section}\n`;
          if (createHash('sha256').update(patchFile).digest('hex') !== want.patch_sha256) {
            const key = `${folder}/${file}#${i + 1}`;
            differences[key] = SPLIT_DIFFERENCES[key] ?? `NEW: ${Buffer.byteLength(patchFile)} bytes, mailinfo ${want.patch_bytes}`;
          }
        });
      }
      const listed = Object.fromEntries(Object.entries(SPLIT_DIFFERENCES).filter(([k]) => k.startsWith(`${folder}/`)));
      expect(differences).toEqual(listed);
    });
  }
});

/**
 * Patch authorship against mailinfo's Author/Email/Subject for every message we build as a patch: in-body
 * `From:`/`Subject:` override the mail's as git am applies them. `folder/file#index` → reason:
 */
const AUTHOR_DIFFERENCES: Record<string, string> = {};

describeShared('patch authorship conformance with git mailinfo (in-body headers)', ['conformance'], () => {
  for (const folder of ['git-t5100', 'b4-samples']) {
    it(`should give each patch of ${folder} the author and subject git am would`, async () => {
      const files = mailinfoExpected(folder);
      const differences: Record<string, string> = {};
      for (const [file, expected] of Object.entries(files)) {
        const set = await loadSeriesSet(resolve(CONFORMANCE, folder, file));
        for (const patch of set.series.flatMap((s) => s.patches)) {
          const want = expected.message_list[patch.origin.index - 1] as MailinfoMessage;
          const got = { author: patch.author?.name ?? '', email: patch.author?.email ?? '', subject: patch.subject };
          const wanted = { author: want.author ?? '', email: want.email ?? '', subject: want.subject ?? '' };
          if (JSON.stringify(got) !== JSON.stringify(wanted)) {
            const key = `${folder}/${file}#${patch.origin.index}`;
            differences[key] = AUTHOR_DIFFERENCES[key] ?? `NEW: ${JSON.stringify(got)} vs ${JSON.stringify(wanted)}`;
          }
        }
      }
      const listed = Object.fromEntries(Object.entries(AUTHOR_DIFFERENCES).filter(([k]) => k.startsWith(`${folder}/`)));
      expect(differences).toEqual(listed);
    });
  }
});
