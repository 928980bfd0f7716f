import { memo } from 'react';
import { Text } from 'ink';
import type { DocLine } from '../state/lines.js';
import { THEME } from './theme.js';

export interface RowProps {
  line: DocLine;
  /** The cursor is on this row. */
  selected: boolean;
  /** The pane has focus (the cursor is drawn brighter). */
  focused: boolean;
  width: number;
}

/**
 * One row, cut to the pane's width so a long line never wraps and shifts the rows below it.
 * A gutter mark shows the cursor even without colour (FORCE_COLOR=0, monochrome terminals).
 */
export const Row = memo(function Row({ line, selected, focused, width }: RowProps) {
  const room = Math.max(0, width - 1);
  let left = room;
  const parts = [];
  for (let i = 0; i < line.segs.length && left > 0; i++) {
    const s = line.segs[i]!;
    const text = s.text.length > left ? s.text.slice(0, left) : s.text;
    left -= text.length;
    parts.push(<Text key={i} {...THEME[s.style]}>{text}</Text>);
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
