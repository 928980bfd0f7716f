/** Help text, made from the command table and the option list (never written by hand, so it cannot drift). */
import { wrap } from '../present/index.js';
import { COMMANDS, type CommandSpec, type RunCommand } from './command-table.js';
import { COMMON_OPTIONS, OPTIONS, optionFlag, type OptionName, type OptionSpec } from './options.js';

const WIDTH = 78;

const INPUT_NOTE = `INPUT: an mbox, mboxrd or mbox.gz file, a single .eml, a folder of
git format-patch files, - for stdin, git:BASE..HEAD (in --repo DIR
or the current directory), series:ID from the archive index, or a
Message-ID (<MSGID>, MSGID, lore:MSGID or an archive URL such as
https://lore.kernel.org/LIST/MSGID/): its thread is fetched from the
public-inbox server (--server) and cached.`;

const EXIT_NOTE = `exit codes: 0 clean, 1 errors found or an invariant violated,
2 bad usage or unreadable input.`;

type AnySpec = Pick<CommandSpec<RunCommand>, 'word' | 'args' | 'summary' | 'options' | 'values'>;

function usageOf(name: OptionName, spec: AnySpec): string {
  return optionFlag(name, spec.values?.[name] ?? (OPTIONS[name] as OptionSpec).value);
}



/** `patchscope check INPUT [--base DIR|REV] …`, wrapped under its first word. */
function synopsis(spec: AnySpec): string {
  const head = `  patchscope${spec.word ? ` ${spec.word}` : ''} ${spec.args}`;
  const indent = ' '.repeat(Math.min(head.length + 1, 28));
  const lines = [head];
  for (const name of spec.options) {
    const part = ` [${usageOf(name, spec)}]`;
    if (lines[lines.length - 1]!.length + part.length > WIDTH) lines.push(indent.slice(0, -1) + part);
    else lines[lines.length - 1] += part;
  }
  return lines.join('\n');
}

function describeOptions(names: readonly OptionName[], spec?: AnySpec): string {
  return names
    .map((name) => {
      const o: OptionSpec = OPTIONS[name];
      const long = `--${name}${spec?.values?.[name] ?? o.value ? ` ${spec?.values?.[name] ?? o.value}` : ''}`;
      const flag = o.short ? `-${o.short}, ${long}` : long;
      return `  ${flag.padEnd(26)} ${o.help}`;
    })
    .join('\n');
}

/** The whole help (`--help`). */
export function helpText(): string {
  const commands = COMMANDS.map((c) => `${synopsis(c)}\n${wrap(c.summary, WIDTH, '      ').join('\n')}`).join('\n');
  return `patchscope: review an email patch series\n\nusage:\n${commands}\n\n${INPUT_NOTE}\n\ncommon options:\n${describeOptions(COMMON_OPTIONS)}\n\n${EXIT_NOTE}\n`;
}

/** Help for one command (`patchscope help check`, `patchscope check --help`); null when TOPIC is no command. */
export function commandHelp(topic: string): string | null {
  const spec = COMMANDS.find((c) => c.word === topic);
  if (!spec) return null;
  const own = spec.options.length ? `\noptions:\n${describeOptions(spec.options, spec)}\n` : '';
  return `${synopsis(spec)}\n\n${spec.summary}\n${own}\ncommon options:\n${describeOptions(COMMON_OPTIONS)}\n\n${INPUT_NOTE}\n`;
}
