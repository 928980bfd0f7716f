import { patchCheck, type CheckHit } from './check.js';
import { commitMessageLines, type BodyLine } from './commit-message.js';
import { addedLines, bodyLineHit } from './diff-lines.js';

/** checkpatch's $word_pattern: a lower-case word, maybe capitalised, of 2+ letters. */
const WORD = /\b[A-Z]?[a-z]{2,}\b/g;
/** An `ls -l` mode string: `-rw-r--r-- 1 root root` repeats words on purpose. */
const LS_MODE = /[bcCdDlMnpPs?-][rwxsStT-]{9}/;
/** Hex-looking words repeat in dumps (`ff ff fe`), except these real words. */
const ALLOWED_HEX_WORDS = new Set(['add', 'added', 'bad', 'be']);

/** `the the` in one line: the same word (case aside) twice with one space, as checkpatch's REPEATED_WORD finds it. */
export function repeatedWords(text: string): string[] {
  if (LS_MODE.test(text)) return [];
  const words = [...text.matchAll(WORD)];
  const found: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const [first, second] = [words[i]!, words[i + 1]!];
    if (/struct|union|enum/.test(first[0])) {
      i++;
      continue;
    }
    if (second.index !== first.index + first[0].length + 1 || text[first.index + first[0].length] !== ' ') continue;
    if (first[0].toLowerCase() !== second[0].toLowerCase() || first[0] === 'long') continue;
    const before = first.index > 0 ? text[first.index - 1]! : '';
    const after = text[second.index + second[0].length] ?? '';
    if (/^\S$/.test(before) || (after !== '' && !' \t.,;?!'.includes(after))) continue;
    if (/\b[0-9a-f]{2,}\b/i.test(first[0]) && !ALLOWED_HEX_WORDS.has(first[0].toLowerCase())) continue;
    found.push(first[0]);
  }
  return found;
}

function hitsIn(line: BodyLine, text: string): CheckHit[] {
  return repeatedWords(text).map((w) => bodyLineHit(line, `Possible repeated word: '${w}'`));
}

export const repeatedWord = patchCheck({
  id: 'repeated-word',
  severity: 'warning',
  description: "a word is written twice in a row ('the the') in the commit message or an added line",
  run(patch) {
    const inMessage = commitMessageLines(patch).flatMap((l) => hitsIn(l, l.text));
    const inDiff = addedLines(patch).flatMap((a) =>
      hitsIn({ text: `+${a.line.text}`, bodyLine: a.line.bodyLine }, ` ${a.line.text}`).map((h) => ({
        ...h, where: { file: a.file.path, line: a.line.newLine ?? undefined, bodyLine: a.line.bodyLine }, excerpt: a.line.text,
      })));
    return [...inMessage, ...inDiff];
  },
});
