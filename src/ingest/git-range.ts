/**
 * `git:BASE..HEAD`: the commits of a range as mail, through `git format-patch --stdout` (the git
 * module: simple-git, argument arrays, no shell, program-running settings off), then read like any
 * mbox. Revisions come from the user but are still checked by the one ref validator: nothing that
 * git could read as an option.
 */
import { GitError, InputError } from '../util/errors.js';
// Only the ref check at parse time; the git runner (simple-git) loads when a git: input is read, so that every
// other command starts without it.
import { isSafeRef, refusedRefMessage } from '../util/git/refs.js';
import type { IngestCounter } from './items.js';
import { itemsFromChunks } from './stream-items.js';
import type { IngestItem } from './types.js';

export interface GitRange {
  base: string;
  head: string;
}

/** Parse `git:BASE..HEAD` (HEAD defaults to `HEAD`). Throws InputError on anything unsafe. */
export function parseGitRange(spec: string): GitRange {
  const body = spec.slice('git:'.length);
  // A symmetric difference (A...B) is not a series: refuse it rather than guess.
  const m = body.includes('...') ? null : /^(.*?)\.\.(.*)$/.exec(body);
  if (!m || !m[1]) throw new InputError({ source: spec }, 'expected git:BASE..HEAD');
  const range = { base: m[1], head: m[2] || 'HEAD' };
  for (const rev of [range.base, range.head]) {
    if (!isSafeRef(rev)) throw new InputError({ source: spec }, refusedRefMessage(rev));
  }
  return range;
}

/** `git format-patch --stdout BASE..HEAD` in `repo`, as mail items in commit order. */
export async function* gitRangeItems(
  spec: string,
  repo: string,
  mboxrd: boolean | 'marked',
  counter: IngestCounter,
): AsyncGenerator<IngestItem> {
  const { base, head } = parseGitRange(spec);
  // --no-signature/--no-color keep the output independent of the user's format.* config;
  // --no-ext-diff/--no-textconv: no diff driver of the repository's attributes runs;
  // the trailing "--" ends the revisions so nothing after could be read as a path.
  const args = ['format-patch', '--stdout', '--no-signature', '--no-color', '--no-ext-diff', '--no-textconv', `${base}..${head}`, '--'];
  const { tryGit, repositoryAt } = await import('../util/git/index.js');
  const r = await tryGit(repositoryAt(repo), args);
  if (!r.ok) throw new GitError(`git format-patch ${base}..${head} in ${repo} failed: ${firstLineOf(r.stderr)}`, args);
  const out = r.stdout;
  if (out.length === 0) throw new InputError({ source: spec }, 'the range contains no commits');
  const bytes = Buffer.from(withCommitMessageIds(out), 'utf8');
  counter.bytes += bytes.length;
  yield* itemsFromChunks(oneChunk(bytes), { source: spec, mboxrd, counter });
}

/**
 * A commit has no Message-ID, but it has a stable name: each message gets `<SHA@git>` right after
 * format-patch's magic separator line, so threading, reports and findings point at the commit, and
 * the same range gives the same ids on every run (`--thread` would stamp the current time).
 */
export function withCommitMessageIds(formatPatchOutput: string): string {
  return formatPatchOutput.replace(/^From ([0-9a-f]{40,64}) Mon Sep 17 00:00:00 2001$/gm, (line, sha: string) => `${line}\nMessage-ID: <${sha}@git>`);
}

async function* oneChunk(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

function firstLineOf(text: string): string {
  return text.trim().split('\n')[0] ?? text;
}
