// THE field test of `am` and `show --json`: every thread of the real linaro-mm-sig corpus
// (../shared/corpus/linaro-mm-sig), our am output read exactly as `git am` reads it (mailsplit, mailinfo -u),
// compared patch by patch with what b4 0.12 produced (expected.json) corrected by knownB4Bugs: subject,
// author, email, date with zone, commit message (as git am records it, after stripspace), trailers added and
// the diff in the corpus README's canonical form. show --json must give the same author, subject and zone.
// Deliberate differences are the kinds in DELIBERATE (README "Agreement with b4 on real threads"), each
// matched by a predicate on the difference itself; anything else fails. Prints threads equal / total.
import { expect, it } from 'vitest';
import { latestVersion, toShowJson } from '../src/series/index.js';
import { describeShared } from './support/shared.js';
import { compareThread, readExpected, runThread, threadNames, type Difference, type Expected } from './support/b4-corpus.js';

/** One deliberate difference from b4: why, and which differences it covers (nothing broader). */
interface Deliberate {
  kind: string;
  why: string;
  covers: (d: Difference, e: Expected) => boolean;
}

const lines = (text: string) => text.split('\n').filter(Boolean);

export const DELIBERATE: Deliberate[] = [
  {
    kind: 'trailer-key-case',
    why: 'a trailer we add is written with the kernel\'s key case (Reviewed-By -> Reviewed-by), which checkpatch asks for (BAD_SIGN_OFF); b4 copies the reviewer\'s case',
    covers: (d) => (d.field === 'trailersAdded' || d.field === 'message') && d.ours !== d.correct && d.ours.toLowerCase() === d.correct.toLowerCase(),
  },
  {
    kind: 'trailer-order',
    why: 'reply trailers are added in the order the replies stand in the input; b4 adds them in the order its strict-thread walk meets the replies (a reply whose References skip the cover comes a pass later)',
    covers: (d) => (d.field === 'trailersAdded' || d.field === 'message') && d.ours !== d.correct
      && [...lines(d.ours)].sort().join('\n') === [...lines(d.correct)].sort().join('\n'),
  },
];

function unlisted(diffs: Difference[], e: Expected): Difference[] {
  return diffs.filter((d) => !DELIBERATE.some((k) => k.covers(d, e)));
}

describeShared('am and show --json against b4 0.12 on the real linaro-mm-sig threads', ['corpus', 'linaro-mm-sig'], () => {
  it('agrees patch by patch on every thread, but for knownB4Bugs and the listed deliberate differences', async () => {
    const threads = threadNames();
    const failures: Difference[] = [];
    const deliberate = new Map<string, number>();
    let equal = 0;
    for (const thread of threads) {
      const e = readExpected(thread);
      const run = await runThread(thread, (set) => latestVersion(set.series)!);
      const diffs = compareThread(thread, e, run);
      const show = toShowJson(run.set);
      // show --json speaks of the same patches: author, subject and the sender's zone as am writes them.
      const shown = show.series.find((s) => s.patches.some((p) => p.messageId === e.b4.patches[0]?.messageId));
      for (const [i, want] of e.b4.patches.entries()) {
        const p = shown?.patches.find((q) => q.messageId === want.messageId);
        const zone = /([+-]\d{2})(\d{2})$/.exec(want.date);
        const local = p?.dateLocal ?? '';
        if (p && zone && !local.endsWith(`${zone[1]}:${zone[2]}`)) diffs.push({ thread, patch: i + 1, messageId: want.messageId, field: 'show.dateLocal', ours: local, correct: want.date });
      }
      const left = unlisted(diffs, e);
      for (const d of diffs) if (!left.includes(d)) for (const k of DELIBERATE) if (k.covers(d, e)) deliberate.set(k.kind, (deliberate.get(k.kind) ?? 0) + 1);
      if (left.length === 0) equal++;
      failures.push(...left);
    }
    const kinds = [...deliberate].map(([k, n]) => `${k} ${n}`).join(', ');
    process.stdout.write(`b4 corpus agreement: ${equal}/${threads.length} threads equal (deliberate differences: ${kinds || 'none'})\n`);
    const summary = failures.slice(0, 20).map((d) => `${d.thread} #${d.patch} ${d.field}\n  ours:    ${d.ours.slice(0, 400)}\n  correct: ${d.correct.slice(0, 400)}`);
    expect(summary, `${failures.length} unlisted difference(s)`).toEqual([]);
  }, 900_000);
});
