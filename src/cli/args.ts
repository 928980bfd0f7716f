/** argv → a typed Command, by the command table (command-table.ts); nothing runs here. */
import { parseArgs } from 'node:util';
import { UsageError } from '../util/errors.js';
import { BUNDLED_INPUT, COMMANDS, type CommonOptions, type OptionValues, type RunCommand } from './command-table.js';
import { COMMON_OPTIONS, OPTIONS, parseIntIn, parsePositiveInt, type OptionName } from './options.js';

export { BUNDLED_INPUT, type CommonOptions } from './command-table.js';

/** Every command the CLI knows, with only the options it takes. */
export type Command = { kind: 'help'; topic: string | null } | { kind: 'version' } | RunCommand;

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.split('\n')[0]} (see patchscope --help)`);
  }
  const v = parsed.values as OptionValues;
  const pos = parsed.positionals;
  refuseConflictingRepeats(parsed.tokens);
  if (v.version) return { kind: 'version' };
  const spec = COMMANDS.find((c) => c.word !== null && c.word === pos[0]);
  const word = spec?.word ?? (pos[0] === 'help' ? 'help' : null);
  const rest = word === null ? pos : pos.slice(1);
  if (word === 'help') return { kind: 'help', topic: rest[0] ?? null };
  if (v.help) return { kind: 'help', topic: word };
  const row = spec ?? COMMANDS.find((c) => c.word === null)!;
  const name = row.word ?? 'patchscope';
  rejectOthers(name, v, row.options);
  const common: CommonOptions = {
    repo: v.repo ?? null,
    quiet: v.quiet ?? false,
    mboxrd: v.mboxrd ?? false,
    db: v.db ?? null,
    maxMessageBytes: v['max-message-size'] === undefined ? null : parsePositiveInt('--max-message-size', v['max-message-size'], 2 ** 40),
    maxGzipRatio: v['max-gzip-ratio'] === undefined ? null : parsePositiveInt('--max-gzip-ratio', v['max-gzip-ratio'], 1_000_000),
    remote: {
      server: v.server ?? null,
      noCache: v['no-cache'] ?? false,
      cacheMaxAgeSeconds: v['cache-max-age'] === undefined ? null : parseIntIn('--cache-max-age', v['cache-max-age'], 0, 10 ** 9),
      timeoutSeconds: v.timeout === undefined ? null : parsePositiveInt('--timeout', v.timeout, 3600),
      redirectHosts: v['allow-redirect'] ?? [],
    },
  };
  const one = (what: string): string => {
    if (rest.length > 1) throw new UsageError(`${name}: takes one ${what}, got ${rest.length}`);
    return rest[0] ?? BUNDLED_INPUT;
  };
  return row.build({ values: v, rest, common, one });
}

function rejectOthers(cmd: string, values: OptionValues, allowed: readonly OptionName[]): void {
  for (const key of Object.keys(values) as OptionName[]) {
    if (values[key] === undefined || (COMMON_OPTIONS as readonly string[]).includes(key) || allowed.includes(key)) continue;
    throw new UsageError(`${cmd}: option --${key} does not apply here (see patchscope help${cmd === 'patchscope' ? '' : ` ${cmd}`})`);
  }
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** `--format md --format json`: refused, rather than the last silently winning. A repeat of the same value is harmless. */
function refuseConflictingRepeats(tokens: readonly Token[] | undefined): void {
  const seen = new Map<string, string | undefined>();
  for (const t of tokens ?? []) {
    if (t.kind !== 'option') continue;
    const spec = OPTIONS[t.name as OptionName] as { multiple?: boolean } | undefined;
    if (!spec || spec.multiple) continue;
    if (seen.has(t.name) && seen.get(t.name) !== t.value) {
      throw new UsageError(`${t.rawName} given twice ("${seen.get(t.name) ?? ''}", then "${t.value ?? ''}"): give it once`);
    }
    seen.set(t.name, t.value);
  }
}
