import type { Patch } from '../../series/types.js';
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

/** checkpatch's `$signature_tags` plus the link and reference tags the kernel documents. */
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
const OTHER_TAGS = ['Fixes', 'Link', 'Closes', 'Message-ID'] as const;
export type KnownTag = (typeof PERSON_TAGS)[number] | (typeof OTHER_TAGS)[number];
const KNOWN_BY_LOWER = new Map<string, KnownTag>(
  [...PERSON_TAGS, ...OTHER_TAGS].map((tag) => [tag.toLowerCase(), tag]),
);

const KEY_VALUE = /^([ \t]*)([A-Za-z][\w-]{0,40})([ \t]*):([ \t]*)(.*)$/;
/** A signature written without its colon or with blanks for dashes: `Signed-off-by Jo`, `Signed off by: Jo`. */
const SLOPPY_SIGNATURE = /^([ \t]*)((?:signed|co-developed|acked|reviewed|tested|reported|suggested)[-_ ]?(?:off[-_ ]?)?by)([ \t]*)(:?)([ \t]*)(.*)$/i;
/** `[maintainer: what I changed]` notes sit among the trailers by kernel custom. */
const NOTE = /^\[.*\]$/;
const CONTINUATION = /^[ \t]+\S/;

/** `Signed off by`, `signed_off-by` → `Signed-off-by`: the tag a sloppy spelling means. */
function knownTag(key: string): KnownTag | null {
  return KNOWN_BY_LOWER.get(key.toLowerCase().replace(/[_ ]/g, '-')) ?? null;
}

function readTrailer(line: BodyLine): RawTrailer | null {
  const sloppy = SLOPPY_SIGNATURE.exec(line.text);
  const keyed = KEY_VALUE.exec(line.text);
  // A proper `Key: value` wins unless the key has blanks in it (`Signed off by:` only matches the sloppy form).
  if (keyed && (!sloppy || sloppy[2]!.length <= keyed[2]!.length)) {
    const [, indent, key, before, after, value] = keyed as unknown as string[];
    return { ...line, key: key!, knownKey: knownTag(key!), value: value!,
      indent: indent!, spaceBeforeColon: before!, spaceAfterColon: after!, hasColon: true };
  }
  if (!sloppy) return null;
  const [, indent, key, before, colon, after, value] = sloppy as unknown as string[];
  return { ...line, key: key!, knownKey: knownTag(key!), value: value!,
    indent: indent!, spaceBeforeColon: before!, spaceAfterColon: after!, hasColon: colon === ':' };
}

export interface TrailerBlock {
  trailers: RawTrailer[];
  /** Index in the commit-message lines where the block starts (the length when there is no block). */
  start: number;
}

/**
 * The trailers ending the commit message: the run of trailer, `[note]` and indented continuation lines at the end
 * of its last paragraph. A prose line above them ends the run instead of voiding it, as b4 reads a paragraph that
 * mixes both (and git interpret-trailers accepts it once a Signed-off-by is in it).
 */
export function readTrailerBlock(lines: readonly BodyLine[]): TrailerBlock {
  const trailers: RawTrailer[] = [];
  let start = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.text.trim() === '') break;
    const trailer = readTrailer(line);
    const indentedUnknown = trailer !== null && trailer.indent !== '' && trailer.knownKey === null;
    if (trailer && !indentedUnknown) trailers.unshift(trailer);
    else if (!NOTE.test(line.text.trim()) && !CONTINUATION.test(line.text)) break;
    start = i;
  }
  return trailers.length > 0 ? { trailers, start } : { trailers: [], start: lines.length };
}

/** Several checks read the same trailers; they are read once per patch object. */
const trailersOf = new WeakMap<object, RawTrailer[]>();

export function patchTrailers(patch: Pick<Patch, 'body'>): RawTrailer[] {
  let trailers = trailersOf.get(patch);
  if (trailers === undefined) {
    trailers = readTrailerBlock(commitMessageLines(patch)).trailers;
    trailersOf.set(patch, trailers);
  }
  return trailers;
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

/** `Signed-off-by` lines in order, however their key was cased. */
export function signOffs(trailers: readonly RawTrailer[]): RawTrailer[] {
  return trailers.filter((t) => t.knownKey === 'Signed-off-by');
}
