/** Mail prose is wrapped here (the kernel's and git's habit for mail and commit messages). */
export const WRAP_COLUMNS = 72;

/**
 * Lines kept as the reviewer typed them: code or a quote (leading blank, tab or `>`), a trailer
 * (`Key: value`), or a line that is only a URL-like word.
 */
function isVerbatim(line: string): boolean {
  return /^[ \t>]/.test(line) || line.includes('\t') || /^[A-Za-z][A-Za-z0-9-]*-by: /.test(line) || /^[A-Z][a-z]+(-[A-Za-z]+)*: \S/.test(line) && line.length <= WRAP_COLUMNS;
}

/** A list item starts its own paragraph and continues under its text (`- `, `* `, `1. `). */
const LIST_ITEM = /^(?:[-*]|\d+[.)]) /;

function wrapParagraph(words: string[], first: string, rest: string, width: number): string[] {
  const out: string[] = [];
  let cur = first;
  let empty = true;
  for (const w of words) {
    if (!empty && [...cur].length + 1 + [...w].length > width) {
      out.push(cur);
      cur = rest + w;
    } else {
      cur = empty ? cur + w : `${cur} ${w}`;
    }
    empty = false;
  }
  if (!empty) out.push(cur);
  return out;
}

/**
 * Prose re-flowed to `width` columns (words longer than that stand alone, never broken); blank lines,
 * code, quotes and trailers kept as they are. Trailing blanks trimmed, as a mail client does.
 */
export function wrapProse(text: string, width = WRAP_COLUMNS): string[] {
  const out: string[] = [];
  let para: string[] = [];
  let lead = '';
  const flush = () => {
    if (para.length) out.push(...wrapParagraph(para.join(' ').split(/ +/).filter(Boolean), lead, ' '.repeat(lead.length), width));
    para = [];
    lead = '';
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/[ \t]+$/, '');
    if (line === '' || isVerbatim(line)) {
      flush();
      out.push(line);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      lead = item[0];
      para.push(line.slice(item[0].length));
      continue;
    }
    para.push(line);
  }
  flush();
  return out;
}
