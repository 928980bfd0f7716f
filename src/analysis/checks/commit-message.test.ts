import { describe, expect, it } from 'vitest';
import { commitMessageEnd, commitMessageLines, splitBodyLines } from './commit-message.js';
import { readTrailerBlock } from './trailer-lines.js';

const endOf = (body: string) => commitMessageEnd(splitBodyLines(body));
const texts = (body: string) => commitMessageLines({ body }).map((l) => l.text);

describe('commitMessageEnd', () => {
  it('should stop at the --- separator above the diffstat', () => {
    expect(endOf('msg\n\nSigned-off-by: A <a@b.c>\n---\n a.c | 1 +\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n')).toBe(3);
  });

  it('should keep diff text pasted above the separator inside the message', () => {
    expect(endOf('see:\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n---\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n')).toBe(4);
  });

  it('should stop where git mailinfo breaks when there is no separator', () => {
    expect(endOf('msg\n\ndiff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n')).toBe(2);
    expect(endOf('msg\n\n--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n')).toBe(2);
  });

  it('should not take a removed "--" line of the diff for the separator', () => {
    expect(endOf('msg\n\ndiff --git a/a.rst b/a.rst\n--- a/a.rst\n+++ b/a.rst\n@@ -1,2 +1 @@\n x\n---\n')).toBe(2);
  });

  it('should take the whole body when it has no diff', () => {
    expect(endOf('just text\nand more')).toBe(2);
  });
});

describe('commitMessageLines', () => {
  it('should drop in-body headers and trailing blank lines, keeping #N', () => {
    const lines = commitMessageLines({ body: 'From: B <b@c.d>\nSubject: x\n\nmsg\n\n\n---\n' });
    expect(lines).toEqual([{ text: 'msg', bodyLine: 4 }]);
  });

  it('should keep a message that merely starts with prose', () => {
    expect(texts('Fromage is cheese.\n---\n')).toEqual(['Fromage is cheese.']);
  });
});

describe('readTrailerBlock', () => {
  const block = (body: string) => {
    const b = readTrailerBlock(commitMessageLines({ body }));
    return { trailers: b.trailers.map((t) => [t.key, t.value]), stray: b.stray.map((l) => l.text), start: b.start };
  };

  it('should read the last paragraph from its first trailer, with notes and continuations', () => {
    expect(block('msg\n\nAcked-by: A <a@b.c>\n[x: fixed typo]\nTested-by: T <t@b.c>\n  on arm64\nSigned-off-by: S <s@b.c>\n---\n')).toEqual({
      trailers: [['Acked-by', 'A <a@b.c>'], ['Tested-by', 'T <t@b.c>'], ['Signed-off-by', 'S <s@b.c>']],
      stray: [],
      start: 2,
    });
  });

  it('should find no block in a prose paragraph without a known tag', () => {
    expect(block('msg\n\nNote: x\nmore prose\n---\n')).toEqual({ trailers: [], stray: [], start: 4 });
  });

  it('should accept a paragraph of only unknown well-formed trailers', () => {
    expect(block('msg\n\nChange-Id: I123\n---\n').trailers).toEqual([['Change-Id', 'I123']]);
  });
});
