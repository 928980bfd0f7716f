/**
 * Versions whose cover title changed and that carry no change-id (the flagship RFC "… and convert
 * vfio/iommufd to use them" became v2 "… and move exporters to the SGT type") are still one
 * series when the same author sends mostly the same patches: at least two patch subjects in
 * common, and at least half of the smaller version's patches.
 */

/** What this rule reads of a version. */
export interface PatchSubjects {
  author: string | null;
  /** Subject stems of the version's patches, distinct. */
  patchStems: string[];
  rootId: string;
}

const MIN_SHARED = 2;
/**
 * A patch subject the same author used in more versions than this says nothing about which
 * series it belongs to (and counting its pairs would grow with the square of the list).
 */
const MAX_VERSIONS_PER_SUBJECT = 12;

/** Calls `union(i, j)` for each pair of versions that share enough patches. */
export function linkBySharedPatches(versions: PatchSubjects[], union: (a: number, b: number) => void): void {
  const bySubject = new Map<string, number[]>();
  versions.forEach((v, i) => {
    if (!v.author) return;
    for (const stem of v.patchStems) {
      const key = `${v.author}\0${stem}`;
      const list = bySubject.get(key);
      if (list) list.push(i);
      else bySubject.set(key, [i]);
    }
  });
  const shared = new Map<string, number>();
  for (const list of bySubject.values()) {
    if (list.length < 2 || list.length > MAX_VERSIONS_PER_SUBJECT) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const key = `${list[a]}:${list[b]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  for (const [key, count] of shared) {
    const [a, b] = key.split(':').map(Number) as [number, number];
    const fewer = Math.min(versions[a]!.patchStems.length, versions[b]!.patchStems.length);
    if (count >= MIN_SHARED && count * 2 >= fewer && versions[a]!.rootId !== versions[b]!.rootId) union(a, b);
  }
}
