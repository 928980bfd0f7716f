import { alignTable, CODE_INDENT, WIDTH, wrap, type Block } from './blocks.js';

/** Plain text: underlined headings, `*` lists, aligned columns, four-space indented code; 72 columns. */
function renderBlock(block: Block): string[] {
  switch (block.kind) {
    case 'heading': {
      if (block.level === 3) return [`${block.text}:`];
      return [block.text, (block.level === 1 ? '=' : '-').repeat(Math.min(block.text.length, WIDTH))];
    }
    case 'paragraph':
      return wrap(block.text, WIDTH);
    case 'list':
      return block.items.flatMap(([first = '', ...rest]) => [
        ...wrap(first, WIDTH, '  * ', '    '),
        ...rest.flatMap((more) => wrap(more, WIDTH, '    ', '    ')),
      ]);
    case 'table':
      return alignTable(block.header, block.rows, '  ').map((l) => `  ${l}`.replace(/\s+$/, ''));
    case 'pre':
      return block.lines.map((l) => (l ? `${CODE_INDENT}${l}` : ''));
  }
}

export function renderText(blocks: readonly Block[]): string {
  return `${blocks.map((b) => renderBlock(b).join('\n')).join('\n\n')}\n`;
}
