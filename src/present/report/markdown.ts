import { alignTable, CODE_INDENT, WIDTH, wrap, type Block } from './blocks.js';

/**
 * Markdown for a mail reply: ATX headings, `-` lists with two-space hanging indent, code as
 * four-space indented blocks, wrapped at 72 columns, no HTML. Mail text must not turn into HTML
 * or into structure, yet should read as plain text, so escapes are added only where CommonMark
 * would otherwise act: `<` that is not an address autolink, `*` and `_` that could open or close
 * emphasis (not `dma_buf_map`), backticks, and heading/list/quote markers at the start of a line.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/<(?![^<>\s@]+@[^<>\s@]+>)/g, '\\<')
    .replace(/`/g, '\\`')
    .replace(/\*(?=\S)|(?<=\S)\*/g, '\\*')
    .replace(/(?<![A-Za-z0-9])_(?=\S)|(?<=\S)_(?![A-Za-z0-9])/g, '\\_');
}

const LINE_START_MARKER = /^([#>+=]|-(?=\s|$)|\d+[.)](?=\s|$))/;

/** Escapes a block marker at the start of `line` after its first `indent` characters. */
function escapeLineStart(line: string, indent: number): string {
  const head = line.slice(0, indent);
  return head + line.slice(indent).replace(LINE_START_MARKER, '\\$1');
}

/** Wraps one width short, since escaping a line start may add a character. */
function wrapEscaped(text: string, first: string, next: string): string[] {
  return wrap(escapeInline(text), WIDTH - 1, first, next).map((l, i) => escapeLineStart(l, i === 0 ? first.length : next.length));
}

function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading':
      return [`${'#'.repeat(block.level)} ${escapeInline(block.text)}`];
    case 'paragraph':
      return wrapEscaped(block.text, '', '');
    case 'list':
      return block.items.flatMap(([first = '', ...rest]) => [
        ...wrapEscaped(first, '- ', '  '),
        ...rest.flatMap((more) => wrapEscaped(more, '  ', '  ')),
      ]);
    case 'table':
      return alignTable(block.header.map(escapeInline), block.rows.map((r) => r.map(escapeInline)), ' | ').map((l) => `| ${l} |`);
    case 'pre':
      return block.lines.map((l) => (l ? `${CODE_INDENT}${l}` : ''));
  }
}

export function renderMarkdown(blocks: readonly Block[]): string {
  return `${blocks.map((b) => renderBlock(b).join('\n')).join('\n\n')}\n`;
}
