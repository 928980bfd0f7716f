import { memo } from 'react';
import { Text } from 'ink';
import type { DocLine } from '../state/lines.js';
import { shiftSegs } from '../state/hscroll.js';
import { highlightSegs } from '../state/search.js';
import { THEME } from './theme.js';

export interface RowProps {
  line: DocLine;
  /** The cursor is on this row. */
  selected: boolean;
  /** The pane has focus (the cursor is drawn brighter). */
  focused: boolean;
  width: number;
  /** The last search, marked wherever it occurs (as less does). */
  highlight: string;
  /** Columns scrolled off to the left (h/l); the line's pinned columns stay. */
  col?: number;
}

/**
 * One row, cut to the pane's width so a long line never wraps and shifts the rows below it.
 * A gutter mark shows the cursor even without colour (FORCE_COLOR=0, monochrome terminals).
 */
export const Row = memo(function Row({ line, selected, focused, width, highlight, col = 0 }: RowProps) {
  const room = Math.max(0, width - 1);
  let left = room;
  const parts = [];
  const marked = highlight && line.text.length > 0 ? highlightSegs(line.segs, highlight) : line.segs;
  const segs = shiftSegs(marked, line.pin ?? 0, col);
  for (let i = 0; i < segs.length && left > 0; i++) {
    const s = segs[i]!;
    const text = s.text.length > left ? s.text.slice(0, left) : s.text;
    left -= text.length;
    parts.push(<Text key={i} {...THEME[s.style]} inverse={'match' in s}>{text}</Text>);
  }
  const mark = selected ? (focused ? '›' : '·') : ' ';
  return (
    <Text wrap="truncate-end" inverse={selected && focused}>
      <Text color="cyan">{mark}</Text>
      {parts}
      {selected && focused && left > 0 ? ' '.repeat(left) : ''}
    </Text>
  );
});
