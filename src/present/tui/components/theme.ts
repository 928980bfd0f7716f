import type { Style } from '../state/lines.js';

export interface TextStyle {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  italic?: boolean;
}

/** One place decides colours; builders only say what a span means. tig's diff colours. */
export const THEME: Record<Style, TextStyle> = {
  plain: {},
  dim: { dimColor: true },
  title: { bold: true },
  heading: { bold: true, color: 'blue' },
  accent: { color: 'cyan' },
  add: { color: 'green' },
  remove: { color: 'red' },
  hunk: { color: 'magenta' },
  file: { bold: true, color: 'yellow' },
  trailer: { color: 'cyan', bold: true },
  'reply-head': { color: 'yellow', bold: true },
  reply: { color: 'yellow' },
  quote: { dimColor: true, italic: true },
  error: { color: 'red', bold: true },
  warning: { color: 'yellow' },
  check: { color: 'blue' },
  pass: { color: 'green' },
  fail: { color: 'red', bold: true },
  planned: { color: 'gray', italic: true },
};
