import { parseArgs } from 'node:util';
import { UsageError } from '../util/errors.js';

/** Every command the CLI knows, with only the options it takes. */
export type Command =
  | { kind: 'help'; topic: string | null }
  | { kind: 'version' }
  | { kind: 'open'; input: string; base: string | null; sequence: string | null; common: CommonOptions }
  | { kind: 'show'; input: string; json: boolean; common: CommonOptions }
  | {
      kind: 'check';
      input: string;
      base: string | null;
      split: number[] | null;
      suggestSplit: boolean;
      format: 'text' | 'json';
      /** Check ids or checkpatch TYPEs to skip (`--ignore`), validated against the registry when run. */
      ignore: string[];
      maxLineLength: number | null;
      listChecks: boolean;
      common: CommonOptions;
    }
  | {
      kind: 'verify';
      input: string | null;
      sequence: string | null;
      binding: string | null;
      depth: number | null;
      json: boolean;
      replay: string | null;
      fullStates: boolean;
      common: CommonOptions;
    }
  | {
      kind: 'report';
      input: string;
      format: 'md' | 'json' | 'text';
      output: string | null;
      now: boolean;
      base: string | null;
      sequence: string | null;
      common: CommonOptions;
    }
  | { kind: 'diff'; old: string; new: string | null; versions: number[]; common: CommonOptions }
  | { kind: 'am'; input: string; output: string | null; addLink: boolean; common: CommonOptions }
  | { kind: 'index'; archives: string[]; threads: number | null; common: CommonOptions }
  | { kind: 'find'; query: string; json: boolean; common: CommonOptions };

export interface CommonOptions {
  /** The repository for `git:` inputs and `--base REV`. */
  repo: string | null;
  quiet: boolean;
  mboxrd: boolean;
  /** The archive index (`index`, `find`, `series:ID` inputs); null: the default cache path. */
  db: string | null;
  /** Resource limits on what is read (docs/guarantees.md); null: ingest's defaults. */
  maxMessageBytes: number | null;
  maxGzipRatio: number | null;
}

export const SUBCOMMANDS = ['show', 'check', 'verify', 'report', 'diff', 'am', 'index', 'find', 'help'] as const;

export const HELP = `patchscope: review an email patch series

usage:
  patchscope [INPUT] [--base DIR|REV] [--sequence FILE]
                                         TUI on a terminal, plain report otherwise
                                         (no INPUT: the bundled RFC series)
  patchscope show INPUT [--json]         the parsed series
  patchscope check INPUT [--base DIR|REV] [--split N,M] [--suggest-split]
                         [--format text|json] [--ignore ID,...] [--max-line-length N]
  patchscope check --list-checks
  patchscope verify [INPUT] [--sequence FILE] [--binding FILE] [--depth N]
                    [--json] [--replay STR] [--full-states]
  patchscope report INPUT --format md|json|text [-o FILE] [--now]
                         [--base DIR|REV] [--sequence FILE]
  patchscope diff OLD NEW | diff INPUT -v 1 -v 2
  patchscope am INPUT -o FILE [--add-link]
  patchscope index ARCHIVE... [--db FILE] [--threads N]
                                         index list archives (mbox, mbox.gz, folders,
                                         public-inbox v2 epochs) for every series version
  patchscope find QUERY [--db FILE] [--json]
                                         series and versions matching QUERY; open one
                                         as INPUT series:ID

INPUT: an mbox, mboxrd or mbox.gz file, a single .eml, a folder of
git format-patch files, - for stdin, git:BASE..HEAD (in --repo DIR
or the current directory), or series:ID from the archive index.

common options:
  --repo DIR     the git repository for git: inputs and --base REV
  --mboxrd       un-quote >From lines (mboxrd archives)
  --db FILE      the archive index (default $XDG_CACHE_HOME/patchscope/index.sqlite)
  --max-message-size BYTES   refuse a message larger than this (default 256 MiB)
  --max-gzip-ratio N         refuse gzip input that expands more than N:1
                             past 64 MiB (default 200)
  -q, --quiet    no progress on stderr
  -h, --help     this text
  --version      the version

exit codes: 0 clean, 1 errors found or an invariant violated,
2 bad usage or unreadable input.
`;

const OPTIONS = {
  json: { type: 'boolean' },
  base: { type: 'string' },
  split: { type: 'string' },
  'suggest-split': { type: 'boolean' },
  ignore: { type: 'string', multiple: true },
  'max-line-length': { type: 'string' },
  'list-checks': { type: 'boolean' },
  format: { type: 'string' },
  sequence: { type: 'string' },
  binding: { type: 'string' },
  depth: { type: 'string' },
  replay: { type: 'string' },
  'full-states': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  now: { type: 'boolean' },
  v: { type: 'string', multiple: true },
  'add-link': { type: 'boolean' },
  threads: { type: 'string' },
  db: { type: 'string' },
  'max-message-size': { type: 'string' },
  'max-gzip-ratio': { type: 'string' },
  repo: { type: 'string' },
  mboxrd: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** The bundled RFC series, opened when no INPUT is given. */
export const BUNDLED_INPUT = 'bundled';

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]} (see patchscope --help)`);
  }
  const { values: v, positionals: pos } = parsed;
  if (v.version) return { kind: 'version' };
  const isSub = (SUBCOMMANDS as readonly string[]).includes(pos[0] ?? '');
  const sub = isSub ? pos[0]! : null;
  const rest = isSub ? pos.slice(1) : pos;
  if (v.help || sub === 'help') return { kind: 'help', topic: sub === 'help' ? (rest[0] ?? null) : sub };
  const common: CommonOptions = {
    repo: v.repo ?? null,
    quiet: v.quiet ?? false,
    mboxrd: v.mboxrd ?? false,
    db: v.db ?? null,
    maxMessageBytes: v['max-message-size'] === undefined ? null : parsePositiveInt('--max-message-size', v['max-message-size'], 2 ** 40),
    maxGzipRatio: v['max-gzip-ratio'] === undefined ? null : parsePositiveInt('--max-gzip-ratio', v['max-gzip-ratio'], 1_000_000),
  };
  const only = (allowed: (keyof typeof OPTIONS)[]) => rejectOthers(sub ?? 'patchscope', v, allowed);
  const one = (what: string): string => {
    if (rest.length > 1) throw new UsageError(`${sub}: takes one ${what}, got ${rest.length}`);
    return rest[0] ?? BUNDLED_INPUT;
  };
  switch (sub) {
    case null:
      only(['base', 'sequence']);
      return { kind: 'open', input: one('INPUT'), base: v.base ?? null, sequence: v.sequence ?? null, common };
    case 'show':
      only(['json']);
      return { kind: 'show', input: one('INPUT'), json: v.json ?? false, common };
    case 'check':
      only(['base', 'split', 'suggest-split', 'format', 'json', 'ignore', 'max-line-length', 'list-checks']);
      return {
        kind: 'check',
        input: one('INPUT'),
        base: v.base ?? null,
        split: v.split === undefined ? null : parseSplit(v.split),
        suggestSplit: v['suggest-split'] ?? false,
        format: v.json ? 'json' : oneOf('--format', v.format ?? 'text', ['text', 'json'] as const),
        ignore: (v.ignore ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
        maxLineLength: v['max-line-length'] === undefined ? null : parsePositiveInt('--max-line-length', v['max-line-length'], 10000),
        listChecks: v['list-checks'] ?? false,
        common,
      };
    case 'verify':
      only(['sequence', 'binding', 'depth', 'json', 'replay', 'full-states']);
      return {
        kind: 'verify',
        input: rest.length ? one('INPUT') : null,
        sequence: v.sequence ?? null,
        binding: v.binding ?? null,
        depth: v.depth === undefined ? null : parsePositiveInt('--depth', v.depth, 64),
        json: v.json ?? false,
        replay: v.replay ?? null,
        fullStates: v['full-states'] ?? false,
        common,
      };
    case 'report':
      only(['format', 'output', 'now', 'json', 'base', 'sequence']);
      return {
        kind: 'report',
        input: one('INPUT'),
        format: v.json ? 'json' : oneOf('--format', v.format ?? 'md', ['md', 'json', 'text'] as const),
        output: v.output ?? null,
        now: v.now ?? false,
        base: v.base ?? null,
        sequence: v.sequence ?? null,
        common,
      };
    case 'diff': {
      only(['v']);
      const versions = (v.v ?? []).map((s) => parsePositiveInt('-v', s, 1000));
      if (rest.length === 2 && versions.length === 0) return { kind: 'diff', old: rest[0]!, new: rest[1]!, versions, common };
      if (rest.length <= 1 && versions.length === 2) return { kind: 'diff', old: rest[0] ?? BUNDLED_INPUT, new: null, versions, common };
      throw new UsageError('diff: give OLD and NEW, or one INPUT with -v OLDVER -v NEWVER');
    }
    case 'am':
      only(['output', 'add-link']);
      return { kind: 'am', input: one('INPUT'), output: v.output ?? null, addLink: v['add-link'] ?? false, common };
    case 'index':
      only(['threads']);
      if (rest.length === 0) throw new UsageError('index: give one or more ARCHIVE paths');
      return {
        kind: 'index',
        archives: rest,
        threads: v.threads === undefined ? null : parseCount('--threads', v.threads, 64),
        common,
      };
    case 'find':
      only(['json']);
      return { kind: 'find', query: rest.join(' '), json: v.json ?? false, common };
    default:
      throw new UsageError(`unknown command ${sub}`);
  }
}

const COMMON_KEYS = new Set(['repo', 'quiet', 'mboxrd', 'db', 'max-message-size', 'max-gzip-ratio', 'help', 'version']);

function rejectOthers(cmd: string, values: Record<string, unknown>, allowed: string[]): void {
  for (const key of Object.keys(values)) {
    if (values[key] === undefined || COMMON_KEYS.has(key) || allowed.includes(key)) continue;
    throw new UsageError(`${cmd}: option --${key} does not apply here (see patchscope --help)`);
  }
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} takes one of ${allowed.join(', ')}, not "${value}"`);
}

export function parsePositiveInt(flag: string, value: string, max: number): number {
  if (!/^\d{1,13}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${value}"`);
  }
  return Number(value);
}

/** Like parsePositiveInt, but 0 is allowed (`--threads 0`: parse on the main thread). */
function parseCount(flag: string, value: string, max: number): number {
  return value === '0' ? 0 : parsePositiveInt(flag, value, max);
}

/** `--split 20,22`: cut after patches 20 and 22. */
export function parseSplit(value: string): number[] {
  const cuts = value.split(',').map((s) => parsePositiveInt('--split', s.trim(), 100000));
  for (let i = 1; i < cuts.length; i++) {
    if (cuts[i]! <= cuts[i - 1]!) throw new UsageError(`--split points must increase: "${value}"`);
  }
  return cuts;
}
