import { describe, it, expect } from 'vitest';
import { linkBySharedPatches, type PatchSubjects } from './shared-patches.js';

const links = (versions: PatchSubjects[]): string[] => {
  const out: string[] = [];
  linkBySharedPatches(versions, (a, b) => out.push(`${a}-${b}`));
  return out;
};
const v = (author: string, rootId: string, ...patchStems: string[]): PatchSubjects => ({ author, rootId, patchStems });

describe('linking versions by shared patches', () => {
  it('links two threads of one author that share most patch subjects', () => {
    expect(links([v('a@x', 'r1', 'p1', 'p2', 'p3'), v('a@x', 'r2', 'p1', 'p2', 'p4')])).toEqual(['0-1']);
  });

  it('needs two shared subjects, half of the smaller version, the same author and two threads', () => {
    expect(links([v('a@x', 'r1', 'p1', 'p2'), v('a@x', 'r2', 'p1', 'p9')])).toEqual([]);
    expect(links([v('a@x', 'r1', 'p1', 'p2', 'p3', 'p4', 'p5'), v('a@x', 'r2', 'p1', 'p2', 'p6', 'p7', 'p8')])).toEqual([]);
    expect(links([v('a@x', 'r1', 'p1', 'p2'), v('b@x', 'r2', 'p1', 'p2')])).toEqual([]);
    expect(links([v('a@x', 'r1', 'p1', 'p2'), v('a@x', 'r1', 'p1', 'p2')])).toEqual([]);
  });

  it('ignores a subject the author used in too many versions to tell them apart', () => {
    const many = Array.from({ length: 13 }, (_, i) => v('a@x', `r${i}`, 'common', 'also-common'));
    expect(links(many)).toEqual([]);
  });
});
