import { describe, it, expect } from 'vitest';
import { parseCommand, BUNDLED_INPUT } from './args.js';
import { helpText } from './help.js';
import { UsageError } from '../util/errors.js';

describe('parseCommand', () => {
  it('opens the bundled series with no arguments', () => {
    expect(parseCommand([])).toMatchObject({ kind: 'open', input: BUNDLED_INPUT });
  });
  it('parses check with base, split and json', () => {
    expect(parseCommand(['check', 'x.mbox', '--base', 'v6.19', '--split', '20,22', '--format', 'json'])).toMatchObject({
      kind: 'check', input: 'x.mbox', base: 'v6.19', split: [20, 22], format: 'json', suggestSplit: false,
    });
  });
  it('parses check --ignore (repeatable, comma lists) and --max-line-length', () => {
    expect(parseCommand(['check', 'x', '--ignore', 'LONG_LINE,trailing-whitespace', '--ignore', 'spdx-license-tag', '--max-line-length', '80'])).toMatchObject({
      ignore: ['LONG_LINE', 'trailing-whitespace', 'spdx-license-tag'], maxLineLength: 80,
    });
  });
  it('parses verify with no input and a depth', () => {
    expect(parseCommand(['verify', '--depth', '7', '--json'])).toMatchObject({ kind: 'verify', input: null, depth: 7, json: true });
  });
  it('parses diff in both forms', () => {
    expect(parseCommand(['diff', 'a.mbox', 'b.mbox'])).toMatchObject({ kind: 'diff', old: 'a.mbox', new: 'b.mbox' });
    expect(parseCommand(['diff', 'a.mbox', '-v', '1', '-v', '2'])).toMatchObject({ kind: 'diff', old: 'a.mbox', new: null, versions: [1, 2] });
  });
  it('keeps `-` (stdin) as an input, not an option', () => {
    expect(parseCommand(['show', '-', '--json'])).toMatchObject({ kind: 'show', input: '-', json: true });
  });
  it.each([
    [['check', 'x', '--split', '22,20'], /must increase/],
    [['check', 'x', '--split', 'a'], /whole number/],
    [['verify', '--depth', '0'], /whole number from 1/],
    [['report', 'x', '--format', 'pdf'], /one of md, json, text/],
    [['show', 'x', '--base', 'y'], /--base does not apply/],
    [['show', 'a', 'b'], /takes one INPUT/],
    [['--bogus'], /Unknown option/],
    [['diff', 'a'], /give OLD and NEW/],
  ])('refuses %j with a one-line usage error', (argv, msg) => {
    let err: unknown;
    try { parseCommand(argv as string[]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toMatch(msg);
    expect((err as Error).message).not.toContain('\n');
  });
  it('help names every subcommand', () => {
    for (const sub of ['show', 'check', 'verify', 'report', 'diff', 'am']) expect(helpText()).toContain(`patchscope ${sub}`);
    expect(parseCommand(['--help'])).toEqual({ kind: 'help', topic: null });
  });
});
