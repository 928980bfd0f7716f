/**
 * In-body headers, as `git mailinfo` applies them: `From:`, `Subject:` and `Date:` lines at the very top of the
 * body (blank lines before them skipped, indented continuation lines joined) override the mail's own headers for
 * the commit. They are how a patch forwarded by someone else keeps its real author.
 */
export interface InBodyHeaders {
  from: string | null;
  subject: string | null;
  date: string | null;
  /** Body lines consumed (leading blanks, the headers, and the blank line after them). */
  consumed: number;
}

const HEADER = /^(from|subject|date):[ \t]*(.*)$/i;

/**
 * The text's lines read one at a time from the top, as `text.split('\n')` would give them: only the first few are
 * ever looked at, and the text is often a whole patch, so it is not split.
 */
class LineCursor {
  /** Index of the current line (as in the split array). */
  index = 0;
  /** Offset of the current line; -1 once past the last line. */
  private start = 0;
  private end: number;
  constructor(private readonly text: string) {
    this.end = this.lineEnd(0);
  }
  private lineEnd(from: number): number {
    const nl = this.text.indexOf('\n', from);
    return nl < 0 ? this.text.length : nl;
  }
  get done(): boolean {
    return this.start < 0;
  }
  /** The current line; undefined past the last one. */
  get line(): string | undefined {
    return this.start < 0 ? undefined : this.text.slice(this.start, this.end);
  }
  advance(): void {
    this.index++;
    if (this.start < 0) return;
    if (this.end >= this.text.length) {
      this.start = -1;
      return;
    }
    this.start = this.end + 1;
    this.end = this.lineEnd(this.start);
  }
}

export function readInBodyHeaders(text: string): InBodyHeaders {
  const lines = new LineCursor(text);
  const out: InBodyHeaders = { from: null, subject: null, date: null, consumed: 0 };
  while (!lines.done && (lines.line as string).trim() === '') lines.advance();
  let last: 'from' | 'subject' | 'date' | null = null;
  let found = false;
  for (; !lines.done; lines.advance()) {
    const line = lines.line as string;
    const h = HEADER.exec(line);
    if (h) {
      last = h[1]!.toLowerCase() as 'from' | 'subject' | 'date';
      out[last] = h[2]!.trim();
      found = true;
    } else if (last && /^[ \t]+\S/.test(line)) {
      out[last] = `${out[last] ?? ''} ${line.trim()}`;
    } else {
      break;
    }
  }
  if (!found) return { from: null, subject: null, date: null, consumed: 0 };
  if ((lines.line ?? '').trim() === '' && !lines.done) lines.advance();
  out.consumed = lines.index;
  return out;
}
