import { Box, Text } from 'ink';
import { describeKeys, type KeyBinding } from '../keys.js';
import { helpLayout } from '../state/help-layout.js';

export interface HelpOverlayProps {
  bindings: readonly KeyBinding[];
  height: number;
  width: number;
  /** First key shown when the keys do not all fit (j/k scroll the help). */
  offset?: number;
}

function Entry({ b }: { b: KeyBinding }) {
  return (
    <Box>
      <Box width={18} flexShrink={0}><Text color="cyan">{describeKeys(b)}</Text></Box>
      <Text wrap="truncate-end">{b.help}</Text>
    </Box>
  );
}

/**
 * Every key, generated from the binding table itself: in columns when they fit, else one column that
 * j/k and PgUp/PgDn scroll (at 80x24 ten keys were out of reach: issue 17, bug 5).
 */
export function HelpOverlay({ bindings, height, width, offset = 0 }: HelpOverlayProps) {
  const layout = helpLayout(bindings.length, height, width);
  const from = Math.min(offset, layout.maxOffset);
  const shown = bindings.slice(from, from + layout.perColumn * layout.columns);
  const columns: KeyBinding[][] = [];
  for (let i = 0; i < shown.length; i += layout.perColumn) columns.push(shown.slice(i, i + layout.perColumn));
  const below = bindings.length - from - shown.length;
  const colWidth = Math.floor((width - 4) / Math.max(1, columns.length));
  const scroll = layout.maxOffset > 0 ? `keys ${from + 1}-${from + shown.length} of ${bindings.length}: j k PgUp PgDn scroll${below > 0 ? `, ${below} more below` : ''}` : '';
  return (
    <Box flexDirection="column" height={height} borderStyle="round" paddingX={1}>
      <Text bold>Keys (? or Esc closes)</Text>
      <Box>
        {columns.map((col, i) => (
          <Box key={i} flexDirection="column" width={colWidth}>{col.map((b) => <Entry key={b.command} b={b} />)}</Box>
        ))}
      </Box>
      {scroll ? <Text color="yellow" wrap="truncate-end">{scroll}</Text> : null}
      <Text dimColor wrap="truncate-end">Search prompt: type, Enter searches, Esc cancels. Tab: diff ⇄ replies, trace ⇄ state. h l 0: patch view. Esc drops a count.</Text>
    </Box>
  );
}
