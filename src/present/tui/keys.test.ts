import { describe, it, expect } from 'vitest';
import { commandFor, describeKeys, KEY_BINDINGS, type Command } from './keys.js';

describe('commandFor', () => {
  it.each<[string, Record<string, boolean>, Command]>([
    ['j', {}, 'nav.down'], ['', { downArrow: true }, 'nav.down'],
    ['k', {}, 'nav.up'], ['', { upArrow: true }, 'nav.up'],
    [' ', {}, 'nav.pageDown'], ['', { pageDown: true }, 'nav.pageDown'], ['', { pageUp: true }, 'nav.pageUp'],
    ['g', {}, 'nav.top'], ['G', {}, 'nav.bottom'],
    ['\r', { return: true }, 'nav.open'],
    ['', { escape: true }, 'view.back'], ['', { backspace: true }, 'view.back'], ['q', {}, 'view.close'],
    ['Q', {}, 'app.quit'], ['c', { ctrl: true }, 'app.quit'],
    ['\t', { tab: true }, 'pane.next'],
    ['/', {}, 'search.start'], ['n', {}, 'search.next'], ['N', {}, 'search.prev'],
    ['?', {}, 'help.toggle'], ['[', {}, 'patch.prev'], [']', {}, 'patch.next'],
    ['d', { ctrl: true }, 'nav.pageDown'], ['u', { ctrl: true }, 'nav.pageUp'],
  ])('maps %j %j to %s', (input, key, command) => {
    expect(commandFor(input, key)).toBe(command);
  });

  it('leaves unbound keys and pasted text alone', () => {
    expect(commandFor('z', {})).toBeNull();
    expect(commandFor('jjj', {})).toBeNull();
    expect(commandFor('j', { meta: true })).toBeNull();
    expect(commandFor('x', { ctrl: true })).toBeNull();
  });

  it('binds every key to at most one command', () => {
    const seen = new Map<string, Command>();
    for (const b of KEY_BINDINGS) {
      for (const k of [...b.chars, ...b.special, ...(b.ctrl ?? []).map((c) => `^${c}`)]) {
        expect(seen.get(k), `${k} bound twice`).toBeUndefined();
        seen.set(k, b.command);
      }
    }
  });

  it('gives every binding a key and readable help', () => {
    for (const b of KEY_BINDINGS) {
      expect(describeKeys(b).length, b.command).toBeGreaterThan(0);
      expect(b.help.length, b.command).toBeGreaterThan(3);
    }
    expect(describeKeys(KEY_BINDINGS.find((b) => b.command === 'nav.pageDown')!)).toBe('Space PgDn ^F ^D');
  });
});

describe('counts and sideways scrolling', () => {
  it.each<[string, Record<string, boolean>, Command]>([
    ['1', {}, 'count.digit'], ['9', {}, 'count.digit'], ['0', {}, 'scroll.home'],
    ['l', {}, 'scroll.right'], ['', { rightArrow: true }, 'scroll.right'],
    ['h', {}, 'scroll.left'], ['', { leftArrow: true }, 'scroll.left'],
    ['s', {}, 'view.series'], ['f', {}, 'view.findings'], ['m', {}, 'view.steps'],
  ])('maps %j %j to %s', (input, key, command) => {
    expect(commandFor(input, key)).toBe(command);
  });

  it('shows the nine count digits as one label in the help', () => {
    expect(describeKeys(KEY_BINDINGS.find((b) => b.command === 'count.digit')!)).toBe('1…9 (0)');
    expect(describeKeys(KEY_BINDINGS.find((b) => b.command === 'scroll.right')!)).toBe('l →');
  });
});
