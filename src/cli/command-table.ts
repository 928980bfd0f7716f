/**
 * The commands, as one table: each row says its name, its synopsis, the options it takes, how it
 * builds its typed command from the parsed arguments, and which handler runs it. The parser (args.ts),
 * help (help.ts), dispatch (main.ts) and the `Command` type are all made from these rows.
 * Handlers are imported only when they run (b4's cmd_x habit), so `--help` starts fast.
 */
import { UsageError } from '../util/errors.js';
import type { ExitCode } from './exit-codes.js';
import { oneOf, parseIntIn, parsePositiveInt, parseSplit, type OptionName, OPTIONS } from './options.js';

/** The bundled RFC series, opened when no INPUT is given. */
export const BUNDLED_INPUT = 'bundled';

/** Values of the options, typed from their specs. */
export type OptionValues = {
  [K in OptionName]?: (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean
    : (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string;
};

export interface CommonOptions {
  /** The repository for `git:` inputs and `--base REV`. */
  repo: string | null;
  quiet: boolean;
  mboxrd: boolean;
  /** The archive index (`index`, `find`, `series:ID` inputs); null: the default cache path. */
  db: string | null;
  /** Resource limits on what is read (README: Limits); null: ingest's defaults. */
  maxMessageBytes: number | null;
  maxGzipRatio: number | null;
  /** How Message-ID and archive URL inputs are fetched (--server, --no-cache, …). */
  remote: RemoteSettings;
}

export interface RemoteSettings {
  server: string | null;
  noCache: boolean;
  cacheMaxAgeSeconds: number | null;
  timeoutSeconds: number | null;
  redirectHosts: string[];
}

/** What a row's `build` gets: the parsed options, the positionals after the command word, the common options. */
export interface ParsedArgs {
  readonly values: OptionValues;
  readonly rest: readonly string[];
  readonly common: CommonOptions;
  /** The one positional `what` (INPUT…), the bundled series when none; refuses more than one. */
  one(what: string): string;
}

/** The commands that run something, each with only the options it takes. */
export type RunCommand =
  | { kind: 'open'; input: string; base: string | null; sequence: string | null; from: string | null; common: CommonOptions }
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
      /** `--checkpatch PATH|off`: the checkpatch.pl to run beside the native checks (null: look for one). */
      checkpatch: string | null;
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
  | { kind: 'am'; input: string; output: string | null; addLink: boolean; coverTrailers: boolean; common: CommonOptions }
  | { kind: 'review'; input: string; comments: string | null; output: string | null; send: boolean; from: string | null; common: CommonOptions }
  | { kind: 'index'; archives: string[]; threads: number | null; common: CommonOptions }
  | { kind: 'find'; query: string; json: boolean; common: CommonOptions }
  | { kind: 'pick'; query: string; common: CommonOptions };

export type CommandKind = RunCommand['kind'];

export interface CommandSpec<C extends RunCommand> {
  /** The word after `patchscope`; null for the default command (`patchscope [INPUT]`). */
  readonly word: string | null;
  /** Positionals as help shows them: `INPUT`, `[INPUT]`, `ARCHIVE...`. */
  readonly args: string;
  readonly summary: string;
  /** The options this command takes, besides the common ones; any other is refused. */
  readonly options: readonly OptionName[];
  /** Help's value for an option whose values depend on the command (`--format md|json|text`). */
  readonly values?: Partial<Record<OptionName, string>>;
  readonly build: (args: ParsedArgs) => C;
  readonly run: (cmd: C) => Promise<ExitCode>;
}

/** One row per command, keyed by kind: a command without a row (or a row without a handler) does not compile. */
export type CommandTable = { readonly [K in CommandKind]: CommandSpec<Extract<RunCommand, { kind: K }>> };

/** `--json` is `--format json`; both together must agree. */
function formatOf<T extends string>(v: OptionValues, fallback: T, allowed: readonly T[]): T {
  const format = v.format === undefined ? undefined : oneOf('--format', v.format, allowed);
  if (v.json && format !== undefined && format !== 'json') throw new UsageError(`--json and --format ${format} disagree: give one`);
  return v.json ? oneOf('--json', 'json', allowed) : (format ?? fallback);
}

const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

export const COMMAND_TABLE: CommandTable = {
  open: {
    word: null,
    args: '[INPUT]',
    summary: 'the TUI on a terminal, the plain report otherwise (no INPUT: the bundled RFC series)',
    options: ['base', 'sequence', 'from'],
    build: (a) => ({ kind: 'open', input: a.one('INPUT'), base: nullable(a.values.base), sequence: nullable(a.values.sequence), from: nullable(a.values.from), common: a.common }),
    run: async (cmd) => (await import('./commands/open.js')).runOpen(cmd),
  },
  show: {
    word: 'show',
    args: 'INPUT',
    summary: 'the parsed series: thread, cover, versions, patches, trailers, replies',
    options: ['json'],
    build: (a) => ({ kind: 'show', input: a.one('INPUT'), json: a.values.json ?? false, common: a.common }),
    run: async (cmd) => (await import('./commands/show.js')).runShow(cmd),
  },
  check: {
    word: 'check',
    args: 'INPUT',
    summary: 'checkpatch-style findings, applies in order, bisectable, splittable',
    options: ['base', 'split', 'suggest-split', 'format', 'json', 'ignore', 'max-line-length', 'list-checks', 'checkpatch'],
    values: { format: 'text|json' },
    build: (a) => ({
      kind: 'check',
      input: a.one('INPUT'),
      base: nullable(a.values.base),
      split: a.values.split === undefined ? null : parseSplit(a.values.split),
      suggestSplit: a.values['suggest-split'] ?? false,
      format: formatOf(a.values, 'text', ['text', 'json'] as const),
      /** Check ids or checkpatch TYPEs to skip (`--ignore`), validated against the registry when run. */
      ignore: (a.values.ignore ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean),
      maxLineLength: a.values['max-line-length'] === undefined ? null : parsePositiveInt('--max-line-length', a.values['max-line-length'], 10000),
      listChecks: a.values['list-checks'] ?? false,
      checkpatch: nullable(a.values.checkpatch),
      common: a.common,
    }),
    run: async (cmd) => (await import('./commands/check.js')).runCheck(cmd),
  },
  verify: {
    word: 'verify',
    args: '[INPUT]',
    summary: 'each landing sequence against the executable reference model',
    options: ['sequence', 'binding', 'depth', 'json', 'replay', 'full-states'],
    build: (a) => ({
      kind: 'verify',
      input: a.rest.length ? a.one('INPUT') : null,
      sequence: nullable(a.values.sequence),
      binding: nullable(a.values.binding),
      depth: a.values.depth === undefined ? null : parsePositiveInt('--depth', a.values.depth, 64),
      json: a.values.json ?? false,
      replay: nullable(a.values.replay),
      fullStates: a.values['full-states'] ?? false,
      common: a.common,
    }),
    run: async (cmd) => (await import('./commands/verify.js')).runVerify(cmd),
  },
  report: {
    word: 'report',
    args: 'INPUT',
    summary: 'the reviewer report: Markdown for the list, JSON for tools, plain text',
    options: ['format', 'json', 'output', 'now', 'base', 'sequence'],
    values: { format: 'md|json|text' },
    build: (a) => ({
      kind: 'report',
      input: a.one('INPUT'),
      format: formatOf(a.values, 'md', ['md', 'json', 'text'] as const),
      output: nullable(a.values.output),
      now: a.values.now ?? false,
      base: nullable(a.values.base),
      sequence: nullable(a.values.sequence),
      common: a.common,
    }),
    run: async (cmd) => (await import('./commands/report.js')).runReport(cmd),
  },
  diff: {
    word: 'diff',
    args: 'OLD NEW | INPUT',
    summary: 'a range-diff of two postings of a series',
    options: ['v'],
    values: { v: 'OLDVER -v NEWVER' },
    build: (a) => {
      const versions = (a.values.v ?? []).map((s) => parsePositiveInt('-v', s, 1000));
      if (a.rest.length === 2 && versions.length === 0) {
        return { kind: 'diff', old: a.rest[0]!, new: a.rest[1]!, versions, common: a.common };
      }
      if (a.rest.length <= 1 && versions.length === 2) {
        return { kind: 'diff', old: a.rest[0] ?? BUNDLED_INPUT, new: null, versions, common: a.common };
      }
      throw new UsageError('diff: give OLD and NEW, or one INPUT with -v OLDVER -v NEWVER');
    },
    run: async (cmd) => (await import('./commands/diff.js')).runDiff(cmd),
  },
  am: {
    word: 'am',
    args: 'INPUT',
    summary: 'an mbox for git am, with the trailers given in replies',
    options: ['output', 'add-link', 'cover-trailers'],
    build: (a) => ({
      kind: 'am', input: a.one('INPUT'), output: nullable(a.values.output), addLink: a.values['add-link'] ?? false,
      coverTrailers: a.values['cover-trailers'] ?? false, common: a.common,
    }),
    run: async (cmd) => (await import('./commands/am.js')).runAm(cmd),
  },
  review: {
    word: 'review',
    args: 'INPUT',
    summary: 'the review as reply mails (the saved review the TUI keeps, plus --comments): comments under their lines, trailers, threaded',
    options: ['comments', 'output', 'send', 'from'],
    build: (a) => {
      return {
        kind: 'review', input: a.one('INPUT'), comments: nullable(a.values.comments), output: nullable(a.values.output),
        send: a.values.send ?? false, from: nullable(a.values.from), common: a.common,
      };
    },
    run: async (cmd) => (await import('./commands/review.js')).runReview(cmd),
  },
  index: {
    word: 'index',
    args: 'ARCHIVE...',
    summary: 'index list archives (mbox, mbox.gz, folders, public-inbox v2 epochs) for every series version',
    options: ['threads'],
    build: (a) => {
      if (a.rest.length === 0) throw new UsageError('index: give one or more ARCHIVE paths');
      return {
        kind: 'index',
        archives: [...a.rest],
        threads: a.values.threads === undefined ? null : parseIntIn('--threads', a.values.threads, 0, 64),
        common: a.common,
      };
    },
    run: async (cmd) => (await import('./commands/index-command.js')).runIndex(cmd),
  },
  find: {
    word: 'find',
    args: 'QUERY...',
    summary: 'series and versions matching QUERY in the index; open one as INPUT series:ID',
    options: ['json'],
    build: (a) => ({ kind: 'find', query: a.rest.join(' '), json: a.values.json ?? false, common: a.common }),
    run: async (cmd) => (await import('./commands/archive.js')).runFind(cmd),
  },
  pick: {
    word: 'pick',
    args: '[QUERY...]',
    summary: 'choose a series of the index in a fuzzy picker (subject, author, Message-ID; versions grouped) and open it',
    options: [],
    build: (a) => ({ kind: 'pick', query: a.rest.join(' '), common: a.common }),
    run: async (cmd) => (await import('./commands/pick.js')).runPick(cmd),
  },
};

/** The rows in help's order, each with its kind. */
export const COMMANDS = (Object.keys(COMMAND_TABLE) as CommandKind[]).map((kind) => ({ kind, ...COMMAND_TABLE[kind] }));
