import { sanitizeForTerminal } from '../../sanitize.js';

/** What a span of text means; the theme maps it to colour, so builders never pick colours. */
export type Style =
  | 'plain' | 'dim' | 'title' | 'heading' | 'accent'
  | 'add' | 'remove' | 'hunk' | 'file' | 'trailer'
  | 'reply-head' | 'reply' | 'quote'
  | 'error' | 'warning' | 'check' | 'pass' | 'fail' | 'planned';

export interface Seg {
  text: string;
  style: Style;
}

/** Where Enter on a line leads. */
export type Target =
  | { kind: 'patch'; patch: number; bodyLine?: number; file?: string; line?: number }
  | { kind: 'version'; index: number }
  /** A series of the archive index (pick mode): choosing it ends the picker. */
  | { kind: 'pick'; index: number }
  | { kind: 'trace'; sequence: number; step: number; trace: number }
  | { kind: 'reply'; messageId: string };

/** One screen row: already sanitised, tab-expanded segments plus what it points at. */
export interface DocLine {
  segs: Seg[];
  /** The segments joined: what search looks at. */
  text: string;
  target?: Target;
  /** 1-based line in the patch mail body this row shows, so findings can jump to it. */
  bodyLine?: number;
  /** `path:line` of a diff row on the new side, so findings that name a file line can jump to it. */
  fileLine?: string;
  /** Set on the first row of an inline reply, so the replies pane can jump to it. */
  replyId?: string;
  /** Set on the rows of the reviewer's own comment (src/present/tui/review), so `c` edits and `d` deletes it. */
  reviewCommentId?: string;
  /** Leading columns that stay in place when the row is scrolled sideways (a diff line's +, - or space). */
  pin?: number;
  /** Prose (a reply, a model message): wrapped to the pane's width, continuation rows starting with this. */
  wrap?: string;
}

/**
 * Mail is untrusted: every mail-derived string goes through here before it is put in a segment.
 * Tabs are expanded because Ink measures a tab as one column and the terminal draws up to eight.
 */
export function clean(text: string): string {
  const safe = sanitizeForTerminal(text);
  if (!safe.includes('\t')) return safe;
  let out = '';
  for (const ch of safe) {
    out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  }
  return out;
}

/** A line from segments given as [text, style] pairs; text must already be clean. */
export function line(parts: [string, Style][], extra: Omit<DocLine, 'segs' | 'text'> = {}): DocLine {
  const segs = parts.filter(([t]) => t.length > 0).map(([text, style]) => ({ text, style }));
  return { segs, text: segs.map((s) => s.text).join(''), ...extra };
}

/** A single-style line from mail text (cleaned here). */
export function mailLine(text: string, style: Style, extra?: Omit<DocLine, 'segs' | 'text'>): DocLine {
  // The hot path of a 20k-line diff: one segment, no intermediate arrays.
  const t = clean(text);
  const out: DocLine = { segs: t === '' ? [] : [{ text: t, style }], text: t };
  return extra ? Object.assign(out, extra) : out;
}

export const BLANK: DocLine = { segs: [], text: '' };

export function padEnd(text: string, width: number): string {
  return text.length >= width ? text.slice(0, width) : text + ' '.repeat(width - text.length);
}

export function padStart(text: string, width: number): string {
  return text.length >= width ? text : ' '.repeat(width - text.length) + text;
}
