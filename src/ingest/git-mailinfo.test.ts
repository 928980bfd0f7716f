import { describe, expect, it } from 'vitest';
import { authorLikeGit, unfoldLikeGit } from './git-mailinfo.js';

describe('authorLikeGit (git mailinfo handle_from)', () => {
  it.each([
    ['Jason Gunthorpe <jgg@nvidia.com>', { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' }],
    ['"König, Christian" <christian.koenig@amd.com>', { name: 'König, Christian', email: 'christian.koenig@amd.com' }],
    ['jgg@nvidia.com (Jason Gunthorpe)', { name: 'Jason Gunthorpe', email: 'jgg@nvidia.com' }],
    ['A (zzz) U Thor <a.u.thor@example.com> (Comment)', { name: 'A (zzz) U Thor (Comment)', email: 'a.u.thor@example.com' }],
    ['bare@example.com', { name: 'bare@example.com', email: 'bare@example.com' }],
    ['<only@example.com>', { name: 'only@example.com', email: 'only@example.com' }],
    [`${'x'.repeat(61)} <long@example.com>`, { name: 'long@example.com', email: 'long@example.com' }],
    ['John Doe <johndoe>', { name: 'John Doe', email: 'johndoe' }],
    ['"Author \\"The Author\\" Name" <a@example.com>', { name: 'Author "The Author" Name', email: 'a@example.com' }],
  ])('%s', (from, want) => {
    expect(authorLikeGit(from)).toEqual(want);
  });

  it('gives null for a From without any address', () => {
    expect(authorLikeGit('just a name')).toBeNull();
  });
});

describe('unfoldLikeGit', () => {
  it('trims before the fold and turns the fold into one space', () => {
    expect(unfoldLikeGit(' [PATCH] a  \n\tb\r\n   c')).toBe(' [PATCH] a b   c');
  });
});
