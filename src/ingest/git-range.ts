/**
 * `git:BASE..HEAD`: the commits of a range as mail, through `git format-patch --stdout`
 * (simple-git, argument arrays only, no shell), then read like any mbox.
 * Revisions come from the user but are still checked: nothing that git could read as an option.
 */
import { GitError, InputError } from '../util/errors.js';
import type { IngestCounter } from './items.js';
import { itemsFromChunks } from './stream-items.js';
import type { IngestItem } from './types.js';

/** The characters a revision may use here: names, `~N`, `^N`, `@{N}`; never a leading `-`. */
const SAFE_REVISION = /^[A-Za-z0-9._/~^@{}-]+$/;

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
    if (rev.startsWith('-') || !SAFE_REVISION.test(rev) || rev.includes('..')) {
      throw new InputError({ source: spec }, `refusing revision ${JSON.stringify(rev)}: only [A-Za-z0-9._/~^@{}-], no leading "-"`);
    }
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
  // the trailing "--" ends the revisions so nothing after could be read as a path.
  const args = ['format-patch', '--stdout', '--no-signature', '--no-color', `${base}..${head}`, '--'];
  let out: string;
  try {
    // Loaded only for git: inputs: simple-git and its dependencies cost every other command start-up time.
    const { simpleGit } = await import('simple-git');
    out = await simpleGit({ baseDir: repo }).raw(args);
  } catch (e) {
    throw new GitError(`git format-patch ${base}..${head} in ${repo} failed: ${firstLineOf(e)}`, args);
  }
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

function firstLineOf(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.trim().split('\n')[0] ?? text;
}
