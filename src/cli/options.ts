/**
 * Every command-line option, once: how node:util parseArgs reads it, how help shows it, and what it
 * means. The command table (command-table.ts) lists which options each command takes, so help, the
 * parser and the Command type are all made from this one list and cannot drift.
 */
import { UsageError } from '../util/errors.js';

export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** Repeatable (values collect); every other option may be given once (a second, different value is refused). */
  readonly multiple?: boolean;
  /** What the value is, for help: `--base DIR|REV`. */
  readonly value?: string;
  readonly help: string;
}

export const OPTIONS = {
  json: { type: 'boolean', help: 'JSON for tools instead of text' },
  base: { type: 'string', value: 'DIR|REV', help: 'the tree the series applies to: a folder, or a revision in --repo' },
  split: { type: 'string', value: 'N,M', help: 'can the series be cut after patch N and after M?' },
  'suggest-split': { type: 'boolean', help: 'the finest self-contained cut points' },
  ignore: { type: 'string', multiple: true, value: 'ID,...', help: 'skip these checks (ids or checkpatch TYPEs); repeatable' },
  'max-line-length': { type: 'string', value: 'N', help: 'the long-line limit (default 100, as checkpatch)' },
  checkpatch: { type: 'string', value: 'PATH|off', help: "run this checkpatch.pl beside the native checks (default: $PATCHSCOPE_CHECKPATCH, git config patchscope.checkpatch, or the base tree's scripts/checkpatch.pl)" },
  'list-checks': { type: 'boolean', help: 'list every check with its id, TYPE and level' },
  format: { type: 'string', value: 'FORMAT', help: 'output format' },
  sequence: { type: 'string', value: 'FILE', help: 'landing sequences to verify (default: the bundled ones)' },
  binding: { type: 'string', value: 'FILE', help: "each patch's model delta (default: the one the sequence file names)" },
  depth: { type: 'string', value: 'N', help: 'explore the model to depth N, 1 to 64 (default 6)' },
  replay: { type: 'string', value: 'STR', help: 're-run a counterexample trace given by verify' },
  'full-states': { type: 'boolean', help: 'print every state of a trace, not only what changed' },
  output: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE (atomically) instead of stdout' },
  now: { type: 'boolean', help: 'stamp the report with the current time (off: byte-identical runs)' },
  v: { type: 'string', multiple: true, value: 'N', help: 'a version of the series in INPUT (give two)' },
  'add-link': { type: 'boolean', help: 'add a Link: trailer to each patch' },
  comments: { type: 'string', value: 'FILE', help: 'comments and trailers as JSON, added to the saved review (README: Writing the review)' },
  send: { type: 'boolean', help: 'send the replies (sendemail.* config, else git send-email); without it nothing leaves the machine' },
  from: { type: 'string', value: '"NAME <ADDR>"', help: 'who writes the replies (default: git config user.name and user.email)' },
  'cover-trailers': { type: 'boolean', short: 't', help: 'apply the trailers given on the cover letter to every patch (b4 am -t)' },
  threads: { type: 'string', value: 'N', help: 'decode workers, 0 to 64 (default 0 on 2 cores: the main thread)' },
  db: { type: 'string', value: 'FILE', help: 'the archive index (default $XDG_CACHE_HOME/patchscope/index.sqlite)' },
  'max-message-size': { type: 'string', value: 'BYTES', help: 'refuse a message larger than this (default 256 MiB)' },
  'max-gzip-ratio': { type: 'string', value: 'N', help: 'refuse gzip input that expands more than N:1 past 64 MiB (default 200)' },
  repo: { type: 'string', value: 'DIR', help: 'the git repository for git: inputs and --base REV' },
  server: { type: 'string', value: 'URL', help: 'the public-inbox server for Message-ID inputs (default: PATCHSCOPE_SERVER, git config patchscope.server, b4.midmask, https://lore.kernel.org/all/)' },
  'no-cache': { type: 'boolean', help: 'fetch Message-ID inputs again, neither reading nor writing the cache' },
  'cache-max-age': { type: 'string', value: 'SECONDS', help: 'use a cached thread younger than this without asking the server (default 600)' },
  timeout: { type: 'string', value: 'SECONDS', help: 'wait this long for a server to answer (default 30)' },
  'allow-redirect': { type: 'string', multiple: true, value: 'HOST', help: 'a host the server may redirect to (otherwise only its own); repeatable' },
  mboxrd: { type: 'boolean', help: 'un-quote >From lines (mboxrd archives)' },
  quiet: { type: 'boolean', short: 'q', help: 'no progress on stderr' },
  help: { type: 'boolean', short: 'h', help: 'this text (patchscope help COMMAND for one command)' },
  version: { type: 'boolean', help: 'the version' },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

/** Options every command takes. */
export const COMMON_OPTIONS = [
  'repo', 'mboxrd', 'db', 'max-message-size', 'max-gzip-ratio', 'server', 'no-cache', 'cache-max-age', 'timeout', 'allow-redirect',
  'quiet', 'help', 'version',
] as const satisfies readonly OptionName[];

/** `-o FILE`, `--base DIR|REV`: the short form when there is one, as git's usage lines do. */
export function optionFlag(name: OptionName, value: string | undefined): string {
  const spec: OptionSpec = OPTIONS[name];
  const flag = spec.short ? `-${spec.short}` : name.length === 1 ? `-${name}` : `--${name}`;
  return value ? `${flag} ${value}` : flag;
}

export function parsePositiveInt(flag: string, value: string, max: number): number {
  return parseIntIn(flag, value, 1, max);
}

/** A whole number in [min, max], or a one-line usage error that states the range. */
export function parseIntIn(flag: string, value: string, min: number, max: number): number {
  if (!/^\d{1,13}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}, not "${value}"`);
}

/** `--split 20,22`: cut after patches 20 and 22. */
export function parseSplit(value: string): number[] {
  const cuts = value.split(',').map((s) => parsePositiveInt('--split', s.trim(), 100000));
  for (let i = 1; i < cuts.length; i++) {
    if (cuts[i]! <= cuts[i - 1]!) throw new UsageError(`--split points must increase: "${value}"`);
  }
  return cuts;
}
