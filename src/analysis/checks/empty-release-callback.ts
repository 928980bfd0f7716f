import type { PatchSeries } from '../../series/index.js';
import { addedFunctions, bodyCode, type AddedFunction } from './added-functions.js';
import { seriesCheck, type SeriesHit } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** Release-side word → acquire-side word, in function names (`foo_unmap_dma_buf`) and ops members (`.unmap_dma_buf`). */
const PAIRS: readonly (readonly [release: string, acquire: string])[] = [
  ['unmap', 'map'], ['vunmap', 'vmap'], ['detach', 'attach'], ['unpin', 'pin'], ['put', 'get'], ['free', 'alloc'],
  ['release', 'acquire'],
];

/**
 * Calls that take something the caller must give back: allocations (devm_ ones are released by the device core, so
 * `\b` leaves them out), sg tables, DMA and CPU mappings, page pins and references.
 */
const ACQUIRE = /\b(?:kv?[mz]alloc\w*|kv?calloc|kmemdup|vmalloc\w*|vzalloc|vmap|sg_alloc_table\w*|dup_sg_table|dma_map_\w+|dma_alloc_\w+|alloc_pages\w*|pin_user_pages\w*|get_user_pages\w*|ioremap\w*|dma_buf_map_attachment\w*|kref_get|get_device|\w+_get)\s*\(/;

interface Defined {
  fn: AddedFunction;
  patch: number;
}

/** The other side's name: the release word swapped for its acquire word in one `_`-separated part. */
function pairedName(release: string): string | null {
  const parts = release.split('_');
  for (const [rel, acq] of PAIRS) {
    const at = parts.indexOf(rel);
    if (at >= 0) return [...parts.slice(0, at), acq, ...parts.slice(at + 1)].join('_');
  }
  return null;
}

/**
 * Per file, release function → acquire function, from the `.unmap_dma_buf = foo_unmap` members of each ops struct
 * initializer the series adds, for pairs whose names do not mirror. One pass over the series.
 */
function opsPairs(series: PatchSeries): Map<string, Map<string, string>> {
  const pairs = new Map<string, Map<string, string>>();
  let member = new Map<string, string>();
  let path = '';
  const close = () => {
    for (const [rel, fn] of member) {
      const acq = pairedName(rel);
      const acqFn = acq === null ? undefined : member.get(acq);
      if (acqFn === undefined) continue;
      const ofFile = pairs.get(path) ?? new Map<string, string>();
      pairs.set(path, ofFile.set(fn, acqFn));
    }
    member = new Map();
  };
  for (const patch of series.patches) {
    for (const a of addedLines(patch)) {
      if (a.file.path !== path) {
        close();
        path = a.file.path;
      }
      const m = /^\s*\.(\w+)\s*=\s*&?(\w+)\s*,?\s*$/.exec(a.line.text);
      if (m) member.set(m[1]!, m[2]!);
      else if (/^}\s*;/.test(a.line.text)) close();
    }
    close();
  }
  return pairs;
}

/** How often each field name is read as `->field` or `.field` in a text. */
function fieldMentions(code: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of code.matchAll(/(?:->|\.)\s*(\w+)/g)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return counts;
}

const isEmpty = (fn: AddedFunction): boolean => bodyCode(fn).replace(/\breturn\s*;/g, '').trim() === '';

/**
 * What the acquire side hands out that its release must give back, or null: a variable it acquires into (assigned
 * from an ACQUIRE call, or filled in place by one) and then returns, or stores in a field that no other added
 * function of the file reads (one that does may be where it is given back: a detach freeing a map's cached table).
 */
function handedOut(acquire: AddedFunction, fileMentions: Map<string, number>): string | null {
  const code = bodyCode(acquire);
  const own = fieldMentions(code);
  const vars = new Set<string>();
  for (const m of code.matchAll(/([\w>.-]+)\s*=\s*(?:\([^)]*\)\s*)?(\w+)\s*\(/g)) {
    // A status (`ret = dma_map_sgtable(…)`) is not what was acquired: the in-place pattern below names the table.
    if (ACQUIRE.test(`${m[2]}(`) && !/^(?:ret|err|rc|error|status)$/.test(m[1]!)) vars.add(m[1]!);
  }
  for (const m of code.matchAll(/\b(?:sg_alloc_table\w*|dma_map_sgtable)\s*\(\s*(?:[\w>.-]+,\s*)?&?([\w>.-]+)\s*,/g)) vars.add(m[1]!);
  for (const v of vars) {
    const simple = /^\w+$/.test(v);
    if (simple && new RegExp(`\\breturn\\s+${v}\\s*;`).test(code)) return v;
    const stored = simple ? new RegExp(`[\\w\\]]\\s*(?:->|\\.)\\s*(\\w+)\\s*=\\s*${v}\\s*;`).exec(code)?.[1] : /(\w+)$/.exec(v)?.[1];
    if (stored !== undefined && (fileMentions.get(stored) ?? 0) <= (own.get(stored) ?? 0)) return v;
  }
  return null;
}

/** Whether a patch after `patch` touches the function's body (a hunk in its file whose context names it). */
function changedLater(series: PatchSeries, def: Defined): boolean {
  return series.patches.some((p) => p.index > def.patch && p.files.some((f) =>
    f.path === def.fn.file.path && f.hunks.some((h) => new RegExp(`\\b${def.fn.name}\\s*\\(`).test(h.section))));
}

/**
 * What reviewers miss: a release/unmap/detach callback added with an empty body while its pair, added in the same
 * series and file, hands out something it acquired (returns an allocated or mapped sg_table, stores a kzalloc'd
 * object that nothing else frees). Pairs come from mirrored names (`foo_map`/`foo_unmap`) or one ops struct's
 * members (`.map_dma_buf`/`.unmap_dma_buf`). An empty unmap beside a map that only returns a table the attach made
 * (thread 048) or an error (thread 099) is right and left alone.
 */
export const emptyReleaseCallback = seriesCheck({
  id: 'empty-release-callback',
  severity: 'warning',
  description: 'a release/unmap/detach function is empty while its pair acquires what it hands out',
  run(series) {
    const defs = new Map<string, Defined>();
    for (const patch of series.patches) {
      for (const fn of addedFunctions(patch)) defs.set(`${fn.file.path}\0${fn.name}`, { fn, patch: patch.index });
    }
    const hits: SeriesHit[] = [];
    const ops = opsPairs(series);
    // Field mentions per file, counted once from every function the series adds there.
    const mentions = new Map<string, Map<string, number>>();
    for (const def of defs.values()) {
      const counts = mentions.get(def.fn.file.path) ?? new Map<string, number>();
      for (const [field, n] of fieldMentions(bodyCode(def.fn))) counts.set(field, (counts.get(field) ?? 0) + n);
      mentions.set(def.fn.file.path, counts);
    }
    for (const def of defs.values()) {
      const { fn } = def;
      if (!isEmpty(fn)) continue;
      const pairName = ops.get(fn.file.path)?.get(fn.name) ?? pairedName(fn.name);
      const pair = pairName === null ? undefined : defs.get(`${fn.file.path}\0${pairName}`);
      if (pair === undefined) continue;
      const what = handedOut(pair.fn, mentions.get(fn.file.path)!);
      if (what === null || changedLater(series, def)) continue;
      hits.push({
        ...addedLineHit(fn.headLine, `${fn.name}() does nothing, but its pair ${pair.fn.name}() hands out '${what}', which it acquired: is it never given back?`),
        patch: def.patch,
      });
    }
    return hits;
  },
});
