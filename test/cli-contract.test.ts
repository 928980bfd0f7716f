// The command line as a contract: help, parser and handlers come from one table; conflicting or
// out-of-range flags are refused; every write failure is one line naming the target, exit 2; `-o`
// replaces a file atomically.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, rmSync, readdirSync, existsSync, symlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve, join } from 'node:path';
import { COMMAND_TABLE, COMMANDS } from '../src/cli/command-table.js';
import { OPTIONS } from '../src/cli/options.js';
import { commandHelp, helpText } from '../src/cli/help.js';
import { expectOneLineError, runCli, runShell } from './support/cli.js';

const ROOT = resolve(__dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-contract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(args: string[], opts: { shell?: string } = {}) {
  return opts.shell ? runShell(opts.shell) : runCli(args);
}

describe('the command table', () => {
  it('help lists every row with every option it takes, and only those', () => {
    for (const row of COMMANDS) {
      const help = row.word ? commandHelp(row.word)! : helpText();
      expect(help).toContain(`patchscope${row.word ? ` ${row.word}` : ''} ${row.args}`);
      for (const name of row.options) {
        const spec = OPTIONS[name] as { short?: string };
        expect(help).toContain(spec.short ? `-${spec.short}` : name.length === 1 ? `-${name}` : `--${name}`);
      }
    }
  });

  it('`help TOPIC` and `TOPIC --help` print that command, not the whole help', () => {
    const a = run(['help', 'verify']);
    const b = run(['verify', '--help']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('--binding FILE');
    expect(a.out).not.toContain('patchscope show');
  });

  it('`help NOSUCH` is a usage error', () => {
    expectOneLineError(run(['help', 'nosuch']), /no command "nosuch"/);
  });

  it('every row has a handler that runs (a row without one does not compile; this proves they load)', async () => {
    expect(Object.keys(COMMAND_TABLE).sort()).toEqual(COMMANDS.map((c) => c.kind).sort());
    for (const row of COMMANDS) expect(typeof row.run).toBe('function');
  });
});

describe('flags that conflict or are out of range are refused', () => {
  it.each([
    [['report', 'x', '--format', 'md', '--format', 'json'], /--format given twice/],
    [['report', 'x', '--json', '--format', 'md'], /--json and --format md disagree/],
    [['check', 'x', '--base', 'a', '--base', 'b'], /--base given twice/],
    [['index', 'x', '--threads', '65'], /--threads takes a whole number from 0 to 64/],
    [['index', 'x', '--threads', '-1'], /threads/],
    [['verify', '--depth', '65'], /--depth takes a whole number from 1 to 64/],
  ])('%j', (argv, pattern) => {
    expectOneLineError(run(argv as string[]), pattern);
  });

  it('the same value twice is harmless', () => {
    const r = run(['show', '--json', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).schema).toBeGreaterThanOrEqual(1);
  });
});

describe('verify --binding FILE is read', () => {
  it('a missing binding file is an error naming it', () => {
    expectOneLineError(run(['verify', '--binding', join(tmp, 'nonexistent.json')]), /nonexistent\.json: cannot read/);
  });
  it('a binding that claims a patch touches a file it does not is reported (exit 1)', () => {
    const binding = JSON.parse(readFileSync(resolve(ROOT, 'fixtures/dmabuf-mapping-types/binding.json'), 'utf8'));
    const text = JSON.stringify(binding).replace(/"drivers\/vfio\/pci\/[^"]+"/, '"drivers/nowhere/at-all.c"');
    expect(text).not.toBe(JSON.stringify(binding));
    const file = join(tmp, 'binding.json');
    writeFileSync(file, text);
    expect(run(['verify', '--binding', file]).code).toBe(1);
    expect(run(['verify']).code).toBe(0);
  });
});

describe('writes', () => {
  it('`show > /dev/full` is one line naming standard output, exit 2', () => {
    if (!existsSync('/dev/full')) return;
    const r = run([], { shell: 'node "$BIN" show > /dev/full' });
    expectOneLineError(r, /cannot write to standard output: ENOSPC/);
  });

  it('`am -o` interrupted by a file-size limit keeps the old file whole and leaves no temporary file', () => {
    const out = join(tmp, 'keep.mbx');
    writeFileSync(out, 'old content\n');
    const r = run([], { shell: `ulimit -f 50; node "$BIN" am -o '${out}'` });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/keep\.mbx: cannot write the mbox: EFBIG/);
    expect(readFileSync(out, 'utf8')).toBe('old content\n');
    expect(readdirSync(tmp).filter((f) => f.includes('keep.mbx'))).toEqual(['keep.mbx']);
  });

  it('`report -o LINK` replaces the file the link points to and keeps the link', () => {
    const real = join(tmp, 'real.md');
    const link = join(tmp, 'link.md');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    expect(run(['report', '--format', 'md', '-o', link]).code).toBeLessThan(2);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toMatch(/^# /m);
  });
});
