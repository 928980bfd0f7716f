import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { PatchSeries, Person, SeriesSet } from '../series/index.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { InputError } from '../util/errors.js';
import { moveReview, type PatchRef } from './migrate.js';
import type { Review, ReviewComment, ReviewTrailer } from './types.js';

/** Written in every state file; another value is a file this version does not read. */
export const STATE_FORMAT = 'patchscope-review/1';

/** Which series version a state file belongs to: its thread root and version. */
export interface SeriesKey {
  rootId: string;
  version: number;
}

/** A review as kept on disk between sessions. */
export interface ReviewState extends Review {
  format: typeof STATE_FORMAT;
  series: SeriesKey & { title: string; patches: PatchRef[] };
  identity: Person | null;
  /** Comments from an older version that found no place in this one: listed until the reviewer deals with them. */
  unmatched: ReviewComment[];
  /** Trailers of an older version not carried (their patch changed). */
  trailersLeft: ReviewTrailer[];
  /** The version the comments moved from, if they did. */
  movedFrom?: SeriesKey;
}

/** `$XDG_STATE_HOME/patchscope/reviews` (default `~/.local/state/...`), as the XDG base directory spec says. */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(env.HOME || homedir(), '.local', 'state');
  return join(base, 'patchscope', 'reviews');
}

export function keyOf(series: PatchSeries): SeriesKey {
  return { rootId: series.rootId, version: series.version };
}

/** A file name readable by a person (`root-id-v2-1a2b3c4d.json`), unique by the hash of the whole key. */
export function stateFileName(key: SeriesKey): string {
  const slug = key.rootId.replace(/[^A-Za-z0-9._@+-]/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(`${key.rootId}\0${key.version}`).digest('hex').slice(0, 8);
  return `${slug}-v${key.version}-${hash}.json`;
}

export function emptyState(series: PatchSeries, identity: Person | null): ReviewState {
  return {
    format: STATE_FORMAT,
    series: { ...keyOf(series), title: series.title, patches: series.patches.map((p) => ({ index: p.index, messageId: p.messageId, subject: p.subject })) },
    identity, comments: [], trailers: [], unmatched: [], trailersLeft: [],
  };
}

/** What opening a series found in the state directory. */
export type OpenedState =
  | { kind: 'fresh'; state: ReviewState; path: string }
  | { kind: 'resumed'; state: ReviewState; path: string }
  /** Comments of an older version moved here; that version's file is left as it was. */
  | { kind: 'moved'; state: ReviewState; path: string; from: SeriesKey; fromPath: string; moved: number }
  /**
   * The file at this series' path held another series or version (copied, renamed): not applied, and
   * moved to where that review belongs (`movedTo`), so saving this one loses nothing.
   */
  | { kind: 'foreign'; state: ReviewState; path: string; found: SeriesKey & { title: string }; movedTo: string };

function readState(path: string): ReviewState {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError({ source: path }, `review state unreadable: ${(e as Error).message}`);
  }
  const s = json as Partial<ReviewState> | null;
  if (!s || s.format !== STATE_FORMAT || !s.series || typeof s.series.rootId !== 'string' || typeof s.series.version !== 'number' || !Array.isArray(s.comments) || !Array.isArray(s.trailers)) {
    throw new InputError({ source: path }, `not a review state file (${STATE_FORMAT})`);
  }
  return { unmatched: [], trailersLeft: [], identity: null, ...s } as ReviewState;
}

const sameKey = (a: SeriesKey, b: SeriesKey) => a.rootId === b.rootId && a.version === b.version;

/** Every readable state file of the directory, for matching a series whose older version is not in the input. */
function allStates(dir: string): { path: string; state: ReviewState }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.json')).flatMap((n) => {
    try {
      return [{ path: join(dir, n), state: readState(join(dir, n)) }];
    } catch {
      return [];
    }
  });
}

/**
 * The review of `series`: its own state file when there is one (checked to be this series and
 * version), else the newest older version's comments moved onto it (that version taken from `set`
 * when it is there, else the state file sharing most patch subjects), else a fresh review.
 */
export function openReviewState(dir: string, set: SeriesSet, series: PatchSeries, identity: Person | null): OpenedState {
  const path = join(dir, stateFileName(keyOf(series)));
  if (existsSync(path)) {
    const state = readState(path);
    if (sameKey(state.series, keyOf(series))) return { kind: 'resumed', state, path };
    return { kind: 'foreign', state: emptyState(series, identity), path, found: { ...state.series }, movedTo: moveAside(dir, path, state.series) };
  }
  const older = set.series.filter((s) => s.version < series.version && s !== series).sort((a, b) => b.version - a.version);
  for (const old of older) {
    const oldPath = join(dir, stateFileName(keyOf(old)));
    if (!existsSync(oldPath)) continue;
    const prev = readState(oldPath);
    if (!sameKey(prev.series, keyOf(old))) continue;
    return moved(series, identity, path, prev, oldPath, old);
  }
  const earlier = bestEarlierState(allStates(dir), series);
  if (earlier) return moved(series, identity, path, earlier.state, earlier.path, null);
  return { kind: 'fresh', state: emptyState(series, identity), path };
}

/**
 * The state of an older version of `series` that is not in the input: the one whose remembered patch
 * subjects the series shares most (at least half of the smaller of the two), the newest on a tie.
 * Titles are not enough: a reroll often retitles its cover.
 */
function bestEarlierState(states: { path: string; state: ReviewState }[], series: PatchSeries): { path: string; state: ReviewState } | undefined {
  const subjects = new Set(series.patches.map((p) => p.subject));
  let best: { path: string; state: ReviewState; shared: number } | undefined;
  for (const x of states) {
    const s = x.state.series;
    if (s.version >= series.version || s.rootId === series.rootId) continue;
    const shared = s.patches.filter((p) => subjects.has(p.subject)).length;
    if (shared === 0 || shared * 2 < Math.min(s.patches.length, subjects.size)) continue;
    if (!best || shared > best.shared || (shared === best.shared && s.version > best.state.series.version)) best = { ...x, shared };
  }
  return best;
}

function moved(series: PatchSeries, identity: Person | null, path: string, prev: ReviewState, fromPath: string, old: PatchSeries | null): OpenedState {
  const m = moveReview({ comments: prev.comments, trailers: prev.trailers }, prev.series.patches, old, series);
  const state: ReviewState = {
    ...emptyState(series, identity ?? prev.identity),
    ...m.review,
    unmatched: [...m.unmatched, ...prev.unmatched],
    trailersLeft: [...m.trailersLeft, ...prev.trailersLeft],
    movedFrom: { rootId: prev.series.rootId, version: prev.series.version },
  };
  return { kind: 'moved', state, path, from: state.movedFrom!, fromPath, moved: m.moved };
}

/** A foreign file goes to its own series' name, or beside it (`.displaced-N`) when that is taken: never overwritten. */
function moveAside(dir: string, path: string, key: SeriesKey): string {
  const own = join(dir, stateFileName(key));
  let to = own;
  for (let n = 1; existsSync(to); n++) to = own.replace(/\.json$/, `.displaced-${n}.json`);
  renameSync(path, to);
  return to;
}

/** Atomically, so a reviewer's quit (or a crash) never leaves half a file. */
export function saveReviewState(path: string, state: ReviewState): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileAtomic(path, `${JSON.stringify(state, null, 1)}\n`);
}
