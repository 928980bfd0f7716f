import { Box, Text } from 'ink';
import { describeKeys, type KeyBinding } from '../keys.js';

export interface HelpOverlayProps {
  bindings: readonly KeyBinding[];
  height: number;
  width: number;
}

function Entry({ b }: { b: KeyBinding }) {
  return (
    <Box>
      <Box width={18} flexShrink={0}><Text color="cyan">{describeKeys(b)}</Text></Box>
      <Text wrap="truncate-end">{b.help}</Text>
    </Box>
  );
}

/** Every key, generated from the binding table itself; split into columns when the terminal is short. */
export function HelpOverlay({ bindings, height, width }: HelpOverlayProps) {
  const perColumn = Math.max(1, height - 5);
  // No column narrower than a key plus a readable help text; what does not fit is counted.
  const maxColumns = Math.max(1, Math.floor((width - 4) / 44));
  const columns: KeyBinding[][] = [];
  for (let i = 0; i < bindings.length && columns.length < maxColumns; i += perColumn) columns.push(bindings.slice(i, i + perColumn));
  const hidden = bindings.length - columns.reduce((n, c) => n + c.length, 0);
  const colWidth = Math.floor((width - 4) / columns.length);
  return (
    <Box flexDirection="column" height={height} borderStyle="round" paddingX={1}>
      <Text bold>Keys (? or Esc closes)</Text>
      <Box>
        {columns.map((col, i) => (
          <Box key={i} flexDirection="column" width={colWidth}>{col.map((b) => <Entry key={b.command} b={b} />)}</Box>
        ))}
      </Box>
      {hidden > 0 ? <Text color="yellow">{`… ${hidden} more keys: enlarge the terminal`}</Text> : null}
      <Text dimColor wrap="truncate-end">Search prompt: type, Enter searches, Esc cancels. Tab: diff ⇄ replies, trace ⇄ state. h l 0: patch view. Esc drops a count.</Text>
    </Box>
  );
}
