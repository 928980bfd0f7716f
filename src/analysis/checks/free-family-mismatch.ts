import { seriesCheck, type SeriesHit } from './check.js';
import { addedLineHit, addedLines, type AddedLine } from './diff-lines.js';

type Family = 'k' | 'kv' | 'v' | 'devm';

/** Which free each allocator's memory takes; kvfree also frees kmalloc and vmalloc memory, so it is never wrong. */
const ALLOC = /(?:^|[\s*])([\w.>-]+(?:\[[\w]+\])?)\s*=\s*(?:\([^)]*\)\s*)?(devm_k[mz]alloc|devm_kcalloc|devm_kmalloc_array|kvmalloc|kvzalloc|kvcalloc|kvmalloc_array|kmalloc|kzalloc|kcalloc|kmalloc_array|vmalloc|vzalloc|vcalloc|vmalloc_array)\s*\(/;
const FREE = /\b(kfree|vfree|kvfree)\s*\(\s*([\w.>-]+(?:\[[\w]+\])?)\s*\)\s*;/;

function familyOf(alloc: string): Family {
  if (alloc.startsWith('devm_')) return 'devm';
  if (alloc.startsWith('kv')) return 'kv';
  if (alloc.startsWith('v')) return 'v';
  return 'k';
}

function wrongFree(family: Family, free: string): string | null {
  if (family === 'devm') return 'a devm_ allocation is freed by the device core; freeing it by hand frees it twice';
  if (free === 'kvfree') return null;
  if (family === 'k' && free === 'vfree') return 'kmalloc-family memory needs kfree (or kvfree), not vfree';
  if (family === 'v' && free === 'kfree') return 'vmalloc-family memory needs vfree (or kvfree), not kfree';
  if (family === 'kv') return `kvmalloc-family memory may come from vmalloc and needs kvfree, not ${free}`;
  return null;
}

/**
 * What reviewers miss: memory freed with the wrong family. Only when both the allocation and the free of the same
 * lvalue are added lines of one file in this series, and that lvalue is allocated with one family only there:
 * a name assigned from two families (or reused across functions) is left alone rather than guessed at. Declarations
 * count (`struct page **pages = vmalloc(…)`): missing them called thread 016's vfree of a local wrong.
 */
export const freeFamilyMismatch = seriesCheck({
  id: 'free-family-mismatch',
  severity: 'warning',
  description: 'memory allocated with one family (kmalloc, vmalloc, kvmalloc, devm_) is freed with another',
  run(series) {
    const allocs = new Map<string, { family: Set<Family>; alloc: string }>();
    const frees: { key: string; free: string; patch: number; at: AddedLine }[] = [];
    for (const patch of series.patches) {
      for (const a of addedLines(patch)) {
        if (!/\.[ch]$/.test(a.file.path)) continue;
        const al = ALLOC.exec(a.line.text);
        if (al) {
          const key = `${a.file.path}\0${al[1]}`;
          const seen = allocs.get(key) ?? { family: new Set<Family>(), alloc: al[2]! };
          seen.family.add(familyOf(al[2]!));
          allocs.set(key, seen);
        }
        const fr = FREE.exec(a.line.text);
        if (fr) frees.push({ key: `${a.file.path}\0${fr[2]}`, free: fr[1]!, patch: patch.index, at: a });
      }
    }
    const hits: SeriesHit[] = [];
    for (const f of frees) {
      const al = allocs.get(f.key);
      if (al === undefined || al.family.size !== 1) continue;
      const why = wrongFree([...al.family][0]!, f.free);
      if (why !== null) hits.push({ ...addedLineHit(f.at, `${f.free}() of memory from ${al.alloc}(): ${why}`), patch: f.patch });
    }
    return hits;
  },
});
