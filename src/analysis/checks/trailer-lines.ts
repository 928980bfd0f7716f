import type { Patch } from '../../series/index.js';
import { commitMessageLines, type BodyLine } from './commit-message.js';

/**
 * The trailer lines of a commit message read as written, so casing and spacing mistakes stay visible
 * (the series model canonicalises keys). A line that is meant as a trailer but is malformed is kept too.
 */
export interface RawTrailer extends BodyLine {
  /** The key as written, e.g. `Signed-Off-By`, `Signed off by`. */
  key: string;
  /** The key in its documented spelling when it is a known tag (Documentation/process/submitting-patches.rst). */
  knownKey: KnownTag | null;
  value: string;
  /** Blanks before the line, before the colon and after it, as checkpatch inspects them. */
  indent: string;
  spaceBeforeColon: string;
  spaceAfterColon: string;
  hasColon: boolean;
}

/** checkpatch's `$signature_tags`: tags that name a person. */
export const PERSON_TAGS = [
  'Signed-off-by',
  'Co-developed-by',
  'Acked-by',
  'Tested-by',
  'Reviewed-by',
  'Reported-by',
  'Suggested-by',
  'To',
  'Cc',
] as const;
/** The reference tags submitting-patches.rst documents. */
const OTHER_TAGS = ['Fixes', 'Link', 'Closes', 'Message-ID'] as const;
export type KnownTag = (typeof PERSON_TAGS)[number] | (typeof OTHER_TAGS)[number];
const KNOWN_BY_LOWER = new Map<string, KnownTag>(
  [...PERSON_TAGS, ...OTHER_TAGS].map((tag) => [tag.toLowerCase(), tag]),
);

const KEY_VALUE = /^([ \t]*)([A-Za-z][\w-]{0,40})([ \t]*):([ \t]*)(.*)$/;
/** A signature written without its colon or with blanks for dashes: `Signed-off-by Jo`, `Signed off by: Jo`. */
const SLOPPY_SIGNATURE = new RegExp(
  String.raw`^([ \t]*)((?:signed|co-developed|acked|reviewed|tested|reported|suggested)[-_ ]?(?:off[-_ ]?)?by)` +
    String.raw`([ \t]*)(:?)([ \t]*)(.*)$`,
  'i',
);
/** `[maintainer: what I changed]` notes sit among the trailers by kernel custom. */
const NOTE = /^\[.*\]$|^\(cherry picked from commit [0-9a-f]{7,40}\)$/; // git cherry-pick -x writes the latter among trailers
const CONTINUATION = /^[ \t]+\S/;

/** `Signed off by`, `signed_off-by` → `Signed-off-by`: the tag a sloppy spelling means. */
function knownTag(key: string): KnownTag | null {
  return KNOWN_BY_LOWER.get(key.toLowerCase().replace(/[_ ]/g, '-')) ?? null;
}

/** The parts of a trailer line as both patterns capture them; a colon-less match has `colon` empty. */
interface TrailerParts {
  indent: string;
  key: string;
  before: string;
  colon: string;
  after: string;
  value: string;
}

function trailerOf(line: BodyLine, { indent, key, before, colon, after, value }: TrailerParts): RawTrailer {
  const spacing = { indent, spaceBeforeColon: before, spaceAfterColon: after, hasColon: colon === ':' };
  return { ...line, key, knownKey: knownTag(key), value, ...spacing };
}

/** Every group of a match, an unmatched one as '' (all groups of both patterns can match empty). */
function groupsOf(m: RegExpExecArray): string[] {
  return Array.from(m, (g) => g ?? '');
}

function readTrailer(line: BodyLine): RawTrailer | null {
  const sloppy = SLOPPY_SIGNATURE.exec(line.text);
  const keyed = KEY_VALUE.exec(line.text);
  // A proper `Key: value` wins unless the key has blanks in it (`Signed off by:` only matches the sloppy form).
  if (keyed && (!sloppy || (sloppy[2] ?? '').length <= (keyed[2] ?? '').length)) {
    const [, indent = '', key = '', before = '', after = '', value = ''] = groupsOf(keyed);
    return trailerOf(line, { indent, key, before, colon: ':', after, value });
  }
  if (!sloppy) return null;
  const [, indent = '', key = '', before = '', colon = '', after = '', value = ''] = groupsOf(sloppy);
  return trailerOf(line, { indent, key, before, colon, after, value });
}

export interface TrailerBlock {
  trailers: RawTrailer[];
  /** Lines among the trailers that are none (not a trailer, a `[note]` or an indented continuation): a wrapped one. */
  stray: BodyLine[];
  /** Index in the commit-message lines where the block starts (the length when there is no block). */
  start: number;
}

const NO_BLOCK = (lines: readonly BodyLine[]): TrailerBlock => ({ trailers: [], stray: [], start: lines.length });

/** A line that is a trailer of the block (an indented `Key: value` of an unknown key is a continuation). */
function blockTrailer(line: BodyLine): RawTrailer | null {
  const trailer = readTrailer(line);
  return trailer !== null && (trailer.indent === '' || trailer.knownKey !== null) ? trailer : null;
}

/**
 * The trailers ending the commit message, read from its last paragraph as git interpret-trailers does: the block
 * starts at the paragraph's first trailer (prose above it in the same paragraph stays prose, as b4 reads it) and
 * holds at least one known tag, unless every line of the paragraph is a trailer. Lines in the block that are not
 * trailers, notes or indented continuations are kept as `stray` (a trailer wrapped by a mailer).
 */
export function readTrailerBlock(lines: readonly BodyLine[]): TrailerBlock {
  let paragraph = lines.length;
  while (paragraph > 0 && lines[paragraph - 1]!.text.trim() !== '') paragraph--;
  const first = lines.findIndex((l, i) => i >= paragraph && blockTrailer(l) !== null);
  if (first < 0) return NO_BLOCK(lines);
  const trailers: RawTrailer[] = [];
  const stray: BodyLine[] = [];
  for (const line of lines.slice(first)) {
    const trailer = blockTrailer(line);
    if (trailer) trailers.push(trailer);
    else if (!NOTE.test(line.text.trim()) && !CONTINUATION.test(line.text)) stray.push(line);
  }
  const allTrailers = first === paragraph && stray.length === 0;
  if (!allTrailers && !trailers.some((t) => t.knownKey !== null)) return NO_BLOCK(lines);
  return { trailers, stray, start: first };
}

/** Several checks read the same trailers; they are read once per patch object. */
const blockOf = new WeakMap<object, TrailerBlock>();

export function patchTrailerBlock(patch: Pick<Patch, 'body'>): TrailerBlock {
  let block = blockOf.get(patch);
  if (block === undefined) {
    block = readTrailerBlock(commitMessageLines(patch));
    blockOf.set(patch, block);
  }
  return block;
}

export function patchTrailers(patch: Pick<Patch, 'body'>): RawTrailer[] {
  return patchTrailerBlock(patch).trailers;
}

const EMAIL = /<([^<>\s@]+@[^<>\s@]+)>|(?:^|\s)([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)/;

/** The address in a person trailer (`Name <a@b>` or a bare `a@b`), lower-cased; null when there is none. */
export function trailerEmail(value: string): string | null {
  const m = EMAIL.exec(value);
  const address = m?.[1] ?? m?.[2];
  return address ? address.toLowerCase() : null;
}

export function isPersonTag(tag: KnownTag | null): boolean {
  return tag !== null && (PERSON_TAGS as readonly string[]).includes(tag);
}

/**
 * Every `Signed-off-by` line of the commit message in order, however it was cased, wherever it stands: like
 * checkpatch, a sign-off followed by a stray paragraph (a changelog above the `---`) still counts. A line without
 * the colon (`Signed-off-by Jo`) is not one: git would not read it either (trailer-malformed says why).
 */
export function patchSignOffs(patch: Pick<Patch, 'body'>): RawTrailer[] {
  return commitMessageLines(patch)
    .map(readTrailer)
    .filter((t): t is RawTrailer => t?.knownKey === 'Signed-off-by' && t.hasColon);
}
