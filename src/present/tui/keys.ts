/**
 * Keys become named commands (gemini-cli `keyBindings.ts`); one table serves both the dispatcher
 * and the help overlay, so the help can never list a key that does nothing.
 * Bindings follow tig/lazygit/mutt habits: j/k, g/G, / n N, q back, Q quit.
 */
import { REVIEW_BINDINGS, type ReviewCommand } from './review/commands.js';

export type Command =
  | 'nav.down' | 'nav.up' | 'nav.pageDown' | 'nav.pageUp' | 'nav.top' | 'nav.bottom'
  | 'nav.open' | 'view.back' | 'view.close' | 'app.quit' | 'pane.next'
  | 'search.start' | 'search.next' | 'search.prev'
  | 'help.toggle' | 'patch.prev' | 'patch.next'
  | 'view.series' | 'view.findings' | 'view.steps'
  | 'filter.level' | 'filter.type' | 'version.next'
  | 'count.digit' | 'scroll.left' | 'scroll.right' | 'scroll.home' | 'trace.yank' | 'picker.open' | 'versions.server'
  | ReviewCommand;

/** The subset of Ink's `Key` that bindings look at (tests build these by hand). */
export interface KeyInfo {
  upArrow?: boolean; downArrow?: boolean; leftArrow?: boolean; rightArrow?: boolean;
  pageUp?: boolean; pageDown?: boolean; home?: boolean; end?: boolean;
  return?: boolean; escape?: boolean; tab?: boolean; backspace?: boolean; delete?: boolean;
  ctrl?: boolean; meta?: boolean; shift?: boolean;
}

type SpecialKey = Exclude<keyof KeyInfo, 'ctrl' | 'meta' | 'shift'>;

export interface KeyBinding {
  command: Command;
  /** Printable characters that trigger it. */
  chars: string[];
  /** Named keys that trigger it. */
  special: SpecialKey[];
  /** Ctrl+letter chords (`ctrl-d` style, as less and vim do). */
  ctrl?: string[];
  /** What the help shows instead of listing every key (`1…9` for the nine count digits). */
  label?: string;
  help: string;
}

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { command: 'nav.down', chars: ['j'], special: ['downArrow'], ctrl: ['n'], help: 'next line / row' },
  { command: 'nav.up', chars: ['k'], special: ['upArrow'], ctrl: ['p'], help: 'previous line / row' },
  { command: 'nav.pageDown', chars: [' '], special: ['pageDown'], ctrl: ['f', 'd'], help: 'page down' },
  { command: 'nav.pageUp', chars: ['b'], special: ['pageUp'], ctrl: ['b', 'u'], help: 'page up' },
  { command: 'nav.top', chars: ['g'], special: ['home'], help: 'first line' },
  { command: 'nav.bottom', chars: ['G'], special: ['end'], help: 'last line' },
  { command: 'nav.open', chars: [], special: ['return'], help: 'open what the row points at' },
  { command: 'view.back', chars: [], special: ['escape', 'backspace', 'delete'], help: 'back to the previous view' },
  { command: 'view.close', chars: ['q'], special: [], help: 'back; quit on the first view' },
  { command: 'app.quit', chars: ['Q'], special: [], ctrl: ['c'], help: 'quit' },
  { command: 'pane.next', chars: [], special: ['tab'], help: 'next pane (diff/replies…)' },
  { command: 'search.start', chars: ['/'], special: [], help: 'search the current pane' },
  { command: 'search.next', chars: ['n'], special: [], help: 'next match' },
  { command: 'search.prev', chars: ['N'], special: [], help: 'previous match' },
  { command: 'help.toggle', chars: ['?'], special: [], help: 'this help' },
  { command: 'patch.prev', chars: ['['], special: [], help: 'previous patch' },
  { command: 'patch.next', chars: [']'], special: [], help: 'next patch' },
  // Digits are counts, as in vim and less (`21j`, `3]`, `21G`), so the views have letters.
  { command: 'count.digit', chars: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], special: [], label: '1…9 (0)', help: 'count prefix: 21j 3] 21G' },
  { command: 'scroll.right', chars: ['l'], special: ['rightArrow'], help: 'scroll right 8 columns' },
  { command: 'scroll.left', chars: ['h'], special: ['leftArrow'], help: 'scroll left 8 columns' },
  { command: 'scroll.home', chars: ['0'], special: [], help: 'back to column 0' },
  { command: 'view.series', chars: ['s'], special: [], help: 'series view' },
  { command: 'view.findings', chars: ['f'], special: [], help: 'findings view' },
  { command: 'view.steps', chars: ['m'], special: [], help: 'steps view (model)' },
  { command: 'filter.level', chars: ['e'], special: [], help: 'findings: cycle level' },
  { command: 'filter.type', chars: ['t'], special: [], help: 'findings: cycle type' },
  { command: 'version.next', chars: ['v'], special: [], help: 'next version in the set' },
  { command: 'picker.open', chars: ['p'], special: [], help: 'pick a series (fuzzy search)' },
  { command: 'trace.yank', chars: ['y'], special: [], help: 'copy a trace\'s replay string' },
  // Handled by hooks/useServerVersions (its own list), listed here so the help shows it.
  { command: 'versions.server', chars: ['V'], special: [], help: 'versions on the server' },
  // Writing the review (src/present/tui/review/commands.ts).
  ...REVIEW_BINDINGS.map((b) => ({ ...b, chars: [...b.chars], special: [] })),
];

const SPECIAL_ORDER: SpecialKey[] = [
  'upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageUp', 'pageDown', 'home', 'end',
  'return', 'escape', 'tab', 'backspace', 'delete',
];

/** The command a key press means in normal mode, or null when it is unbound. */
export function commandFor(input: string, key: KeyInfo): Command | null {
  if (key.ctrl) {
    const chord = KEY_BINDINGS.find((b) => b.ctrl?.includes(input.toLowerCase()));
    return chord ? chord.command : null;
  }
  const special = SPECIAL_ORDER.find((name) => key[name] === true);
  if (special) {
    // Shift-Tab arrives as tab+shift; treat it as the same pane cycle.
    return KEY_BINDINGS.find((b) => b.special.includes(special))?.command ?? null;
  }
  if (key.meta || input.length !== 1) return null;
  return KEY_BINDINGS.find((b) => b.chars.includes(input))?.command ?? null;
}

const SPECIAL_NAMES: Record<SpecialKey, string> = {
  upArrow: '↑', downArrow: '↓', leftArrow: '←', rightArrow: '→', pageUp: 'PgUp', pageDown: 'PgDn',
  home: 'Home', end: 'End', return: 'Enter', escape: 'Esc', tab: 'Tab', backspace: 'Backspace', delete: 'Del',
};

/** Human names of every key of a binding, for the help overlay. */
export function describeKeys(b: KeyBinding): string {
  if (b.label) return b.label;
  const chars = b.chars.map((c) => (c === ' ' ? 'Space' : c));
  const special = b.special.map((s) => SPECIAL_NAMES[s]);
  const ctrl = (b.ctrl ?? []).map((c) => `^${c.toUpperCase()}`);
  return [...chars, ...special, ...ctrl].join(' ');
}
