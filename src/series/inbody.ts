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

export function readInBodyHeaders(text: string): InBodyHeaders {
  const lines = text.split('\n');
  const out: InBodyHeaders = { from: null, subject: null, date: null, consumed: 0 };
  let i = 0;
  while (i < lines.length && (lines[i] as string).trim() === '') i++;
  let last: 'from' | 'subject' | 'date' | null = null;
  let found = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    const h = HEADER.exec(line);
    if (h) {
      last = (h[1] as string).toLowerCase() as 'from' | 'subject' | 'date';
      out[last] = (h[2] as string).trim();
      found = true;
    } else if (last && /^[ \t]+\S/.test(line)) {
      out[last] = `${out[last] ?? ''} ${line.trim()}`;
    } else {
      break;
    }
  }
  if (!found) return { from: null, subject: null, date: null, consumed: 0 };
  if ((lines[i] ?? '').trim() === '' && i < lines.length) i++;
  out.consumed = i;
  return out;
}
