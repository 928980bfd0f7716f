import { Box, Text } from 'ink';
import type { DocLine } from '../state/lines.js';
import type { ListState } from '../state/ui-state.js';
import { Row } from './Row.js';

export interface PaneProps {
  lines: readonly DocLine[];
  header: readonly DocLine[];
  state: ListState;
  height: number;
  width: number;
  focused: boolean;
  highlight: string;
}

/** A windowed list: only the rows between offset and offset+height are ever built (a 20k-row diff costs the same as a 20-row one). */
export function Pane({ lines, header, state, height, width, focused, highlight }: PaneProps) {
  const visible = lines.slice(state.offset, state.offset + height);
  return (
    <Box flexDirection="column" width={width} height={height + header.length} overflow="hidden">
      {header.map((h, i) => <Row key={`h${i}`} line={h} selected={false} focused={false} width={width} highlight="" />)}
      {visible.map((l, i) => (
        <Row key={state.offset + i} line={l} selected={state.offset + i === state.cursor} focused={focused} width={width} highlight={highlight} col={state.col ?? 0} />
      ))}
      {visible.length === 0 ? <Text dimColor> (empty)</Text> : null}
    </Box>
  );
}
