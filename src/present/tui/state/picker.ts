import type { PatchSeries, SeriesSet } from '../../../series/index.js';
import { clean, line, padEnd, type DocLine } from './lines.js';
import { personName, shortDate } from './lookups.js';

/** One version in the picker; versions of one series sit together under its title. */
export interface PickEntry {
  /** Index into `set.series`, or into `ReviewData.picks` in pick mode. */
  index: number;
  version: number;
  rfc: boolean;
  title: string;
  author: string;
  date: string;
  messageId: string;
  patches: number;
  /** Lower-cased text the query is matched against: subject, author, Message-ID. */
  haystack: string;
  /** Key of the group (the title folded), so versions of a series stay together. */
  group: string;
}

/** Titles that differ only in case, spacing or a trailing full stop are versions of one series (as `find` lists them). */
export function groupKey(title: string): string {
  return title.toLowerCase().replace(/\s+/g, ' ').replace(/[.\s]+$/, '').trim();
}

function entryOf(s: PatchSeries, index: number): PickEntry {
  const first = s.cover ?? s.patches[0];
  const author = personName(first?.author ?? null);
  const email = first?.author?.email ?? '';
  return {
    index, version: s.version, rfc: s.rfc, title: s.title, author, date: shortDate(first?.date ?? null),
    messageId: s.id, patches: s.patches.length,
    haystack: `${s.title} ${author} ${email} ${s.id}`.toLowerCase(), group: groupKey(s.title),
  };
}

/** Every series of the set, versions grouped under the first-posted of their group, groups in input order. */
export function pickEntries(set: SeriesSet): PickEntry[] {
  const groups = new Map<string, PickEntry[]>();
  set.series.forEach((s, i) => {
    const e = entryOf(s, i);
    groups.set(e.group, [...(groups.get(e.group) ?? []), e]);
  });
  return [...groups.values()].flatMap((g) => g.sort((a, b) => a.version - b.version));
}

/** A series version as the archive index lists it (`findSeries`). */
export interface IndexedVersion {
  version: number;
  rfc: boolean;
  title: string;
  messageId: string;
  date: string | null;
  patches: number;
}

/** The archive index's series (`findSeries('')`), one entry per version, grouped by series id. */
export function pickEntriesFromIndex(found: readonly { id: string; author: string | null; versions: IndexedVersion[] }[]): PickEntry[] {
  let index = 0;
  return found.flatMap((s) => s.versions.map((v) => ({
    index: index++, version: v.version, rfc: v.rfc, title: v.title, author: s.author ?? '', date: shortDate(v.date),
    messageId: v.messageId, patches: v.patches, group: s.id,
    haystack: `${v.title} ${s.author ?? ''} ${v.messageId} ${s.id}`.toLowerCase(),
  })));
}

/** How many distinct series (groups of versions) the set holds. */
export function groupCount(set: SeriesSet): number {
  return new Set(set.series.map((s) => groupKey(s.title))).size;
}

/**
 * fzf-like: every space-separated term must occur in the text in order (a subsequence); runs of
 * consecutive characters, word starts and whole-substring hits score more. Null when a term is missing.
 */
export function fuzzyScore(query: string, text: string): number | null {
  let total = 0;
  for (const term of query.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (text.includes(term)) {
      const at = text.indexOf(term);
      total += 100 + term.length * 4 + (at === 0 || /[\s<@._/:-]/.test(text[at - 1]!) ? 20 : 0);
      continue;
    }
    const score = compactSubsequence(term, text);
    if (score === null) return null;
    total += score;
  }
  return total;
}

/** Characters a subsequence may spread over, per character of the term: `imfd` finds `iommufd`, not letters strewn over a whole line. */
const SPREAD = 3;

/** The best score of `term` as a compact subsequence of `text` (within SPREAD x its length), or null. */
function compactSubsequence(term: string, text: string): number | null {
  let best: number | null = null;
  for (let start = text.indexOf(term[0]!); start >= 0; start = text.indexOf(term[0]!, start + 1)) {
    let pos = start;
    let score = 1 + (start === 0 || /[\s<@._/:-]/.test(text[start - 1]!) ? 5 : 0);
    let run = 0;
    let ok = true;
    for (const ch of term.slice(1)) {
      const next = text.indexOf(ch, pos + 1);
      if (next < 0 || next - start >= term.length * SPREAD) { ok = false; break; }
      run = next === pos + 1 ? run + 1 : 0;
      score += 1 + run * 2 + (/[\s<@._/:-]/.test(text[next - 1]!) ? 5 : 0);
      pos = next;
    }
    if (ok && (best === null || score > best)) best = score;
  }
  return best;
}

/**
 * The entries matching `query`, best first; a group matches when any of its versions does, and
 * its versions stay together in version order. An empty query keeps the input order.
 */
export function filterEntries(entries: readonly PickEntry[], query: string): PickEntry[] {
  if (!query.trim()) return [...entries];
  const best = new Map<string, number>();
  for (const e of entries) {
    const s = fuzzyScore(query, e.haystack);
    if (s !== null && s > (best.get(e.group) ?? -1)) best.set(e.group, s);
  }
  const order = [...best.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g);
  const rank = new Map(order.map((g, i) => [g, i]));
  return entries.filter((e) => rank.has(e.group)).sort((a, b) => rank.get(a.group)! - rank.get(b.group)! || a.version - b.version);
}

/** One row per version; the title on the first version of a group, `└` under it for the later ones. */
export function pickerRows(entries: readonly PickEntry[], pick = false): DocLine[] {
  return entries.map((e, i) => {
    const first = i === 0 || entries[i - 1]!.group !== e.group;
    const tag = padEnd(`v${e.version}${e.rfc ? ' RFC' : ''}`, 7);
    return line([
      [first ? '' : '  └ ', 'dim'], [tag, 'accent'], [padEnd(`${e.patches}p`, 5), 'dim'],
      [first ? clean(e.title) : '', 'plain'], [`  ${clean(e.author)}  ${clean(e.date)}`, 'dim'], [clean(`  <${e.messageId}>`), 'dim'],
    ], { target: { kind: pick ? 'pick' : 'version', index: e.index } });
  });
}
