import { InputError } from '../util/errors.js';
import type { Person } from '../series/index.js';
import { REVIEW_TRAILER_KEYS, type CommentTarget, type Review, type ReviewComment, type ReviewTrailer } from './types.js';
import { formatPerson } from './identity.js';

/**
 * The `--comments FILE.json` format (README "Writing the review"):
 * `{"comments":[{"patch":23,"file":"drivers/…/pages.c","line":120,"side":"new","text":"…"}],
 *   "trailers":[{"patch":21,"trailer":"Reviewed-by: Name <addr>"}]}`; patch 0 is the cover.
 * A comment with `hunk` (1-based, in that file) instead of `line` is on the whole hunk; without `file`,
 * `line` counts in the commit message; with neither, it is on the whole patch. A trailer without
 * `: value` (`"Acked-by"`) is given by the reviewer.
 */
export function parseCommentsFile(source: string, text: string, me: Person | null): Review {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InputError({ source }, `not JSON: ${(e as Error).message}`);
  }
  const bad = (jsonPath: string, problem: string) => new InputError({ source, jsonPath }, problem);
  if (!isObject(json)) throw bad('$', 'expected an object with "comments" and/or "trailers"');
  for (const k of Object.keys(json)) if (k !== 'comments' && k !== 'trailers') throw bad(`$.${k}`, 'unknown key (expected "comments" or "trailers")');
  const list = (k: string): unknown[] => {
    const v = json[k];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw bad(`$.${k}`, 'expected an array');
    return v;
  };
  const comments = list('comments').map((c, i) => parseComment(c, `$.comments[${i}]`, bad, i));
  const trailers = list('trailers').map((t, i) => parseTrailer(t, `$.trailers[${i}]`, bad, me));
  return { comments, trailers };
}

type Bad = (jsonPath: string, problem: string) => InputError;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function count(o: Record<string, unknown>, key: string, at: string, bad: Bad, min: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw bad(`${at}.${key}`, `expected a whole number ≥ ${min}`);
  return v;
}

const COMMENT_KEYS = new Set(['patch', 'file', 'line', 'side', 'hunk', 'text']);

function parseComment(c: unknown, at: string, bad: Bad, i: number): ReviewComment {
  if (!isObject(c)) throw bad(at, 'expected an object');
  for (const k of Object.keys(c)) if (!COMMENT_KEYS.has(k)) throw bad(`${at}.${k}`, `unknown key (expected ${[...COMMENT_KEYS].join(', ')})`);
  const patch = count(c, 'patch', at, bad, 0);
  if (typeof c.text !== 'string' || c.text.trim() === '') throw bad(`${at}.text`, 'expected the comment text');
  let target: CommentTarget;
  if (c.file !== undefined) {
    if (typeof c.file !== 'string' || c.file === '') throw bad(`${at}.file`, 'expected a path');
    if (c.hunk !== undefined) {
      if (c.line !== undefined) throw bad(at, 'give "line" or "hunk", not both');
      target = { kind: 'hunk', file: c.file, hunk: count(c, 'hunk', at, bad, 1) };
    } else {
      const side = c.side ?? 'new';
      if (side !== 'new' && side !== 'old') throw bad(`${at}.side`, 'expected "new" or "old"');
      target = { kind: 'line', file: c.file, line: count(c, 'line', at, bad, 1), side };
    }
  } else if (c.line !== undefined) {
    target = { kind: 'message', line: count(c, 'line', at, bad, 1) };
  } else {
    target = { kind: 'patch' };
  }
  return { id: `c${i + 1}`, patch, target, text: c.text };
}

function parseTrailer(t: unknown, at: string, bad: Bad, me: Person | null): ReviewTrailer {
  if (!isObject(t)) throw bad(at, 'expected an object');
  const patch = count(t, 'patch', at, bad, 0);
  if (typeof t.trailer !== 'string') throw bad(`${at}.trailer`, 'expected "Key: Name <address>" or a key alone');
  const colon = t.trailer.indexOf(':');
  const key = (colon < 0 ? t.trailer : t.trailer.slice(0, colon)).trim();
  const value = colon < 0 ? '' : t.trailer.slice(colon + 1).trim();
  if (value === '') {
    if (!(REVIEW_TRAILER_KEYS as readonly string[]).includes(key)) throw bad(`${at}.trailer`, `"${key}" needs a value ("${key}: Name <address>")`);
    if (!me) throw bad(`${at}.trailer`, 'no reviewer identity for a trailer without a value');
    return { patch, key, value: formatPerson(me) };
  }
  return { patch, key, value };
}
