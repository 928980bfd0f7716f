import type { Patch } from '../../series/index.js';
import { proseOf, sanitizedLines } from './c-sanitize.js';
import { patchCheck, type CheckHit } from './check.js';
import { commitMessageLines, type BodyLine } from './commit-message.js';
import { addedLineHit, addedLines, bodyLineHit } from './diff-lines.js';
import { defaultDictionary, type SpellingDictionary } from './spelling-dictionary.js';
import { readTrailerBlock } from './trailer-lines.js';

/**
 * Words as checkpatch bounds a misspelling: letters between characters that are not word, `-`, `'` or backquote,
 * i.e. the runs of those characters that are letters only (one pass, no look-around at every position).
 */
const RUN = /[\w\-'`]+/g;
const LETTERS = /^[A-Za-z]+$/;

/** checkpatch's suggestion keeps the case of the typo: `Teh` → `The`, `TEH` → `THE`. */
function withCase(typo: string, fix: string): string {
  if (/^[A-Z]+$/.test(typo) && typo.length > 1) return fix.toUpperCase();
  return /^[A-Z]/.test(typo) ? fix[0]!.toUpperCase() + fix.slice(1) : fix;
}

/**
 * A word the dictionary's list is not meant for: an acronym or camel case (`VAs`, `TE`), two letters (too short to
 * tell), or a name the patch's own code uses (`filp`, `dout` are kernel identifiers, not typos).
 */
function skipped(word: string, identifiers: ReadonlySet<string>): boolean {
  return word.length < 3 || /^.+[A-Z]/.test(word) || identifiers.has(word.toLowerCase());
}

export function misspellings(text: string, dictionary: SpellingDictionary, identifiers: ReadonlySet<string> = new Set()): string[] {
  return [...text.matchAll(RUN)].flatMap((m) => {
    if (m[0].length < 3 || !LETTERS.test(m[0]) || skipped(m[0], identifiers)) return [];
    const fix = dictionary.fixes.get(m[0].toLowerCase());
    return fix === undefined ? [] : [`'${m[0]}' may be misspelled - perhaps '${withCase(m[0], fix)}'?`];
  });
}

/** Files whose lines are code with comments and strings in them; the rest (docs, Kconfig help) are prose. */
const CODE_FILE = /\.(?:[chsS]|rs|dtsi?)$/;

/** The identifiers of the patch's code (outside comments and strings), lower-cased. */
function codeIdentifiers(patch: Patch): Set<string> {
  const sanitized = sanitizedLines(patch);
  const names = new Set<string>();
  for (const text of sanitized.values()) for (const m of text.matchAll(/[A-Za-z_]\w*/g)) names.add(m[0].toLowerCase());
  return names;
}

/**
 * checkpatch's TYPO_SPELLING, from a packaged dictionary (spelling-dictionary.ts; with none installed the check finds
 * nothing): the commit message above its trailers (names there are names), and the comments and strings of added
 * lines. A dictionary of 37,000 misspellings needs that care where checkpatch's 1,800 do not: measured on the corpus.
 */
export const typoSpelling = patchCheck({
  id: 'typo-spelling',
  severity: 'warning',
  description: "a word of the message or of an added line is a known misspelling (codespell's dictionary)",
  run(patch) {
    const dictionary = defaultDictionary();
    if (dictionary === null) return [];
    const identifiers = codeIdentifiers(patch);
    const sanitized = sanitizedLines(patch);
    const lines = commitMessageLines(patch);
    const prose = lines.slice(0, readTrailerBlock(lines).start);
    const inMessage = prose.flatMap((l: BodyLine) => misspellings(l.text, dictionary, identifiers).map((m) => bodyLineHit(l, m)));
    const inDiff = addedLines(patch).flatMap((a): CheckHit[] => {
      const text = CODE_FILE.test(a.file.path) ? proseOf(a.line.text, sanitized.get(a.line) ?? '', true) : a.line.text;
      return misspellings(text, dictionary, identifiers).map((m) => addedLineHit(a, m));
    });
    return [...inMessage, ...inDiff];
  },
});
