import { Box, Text } from 'ink';

export interface StatusLineProps {
  /** Where the reviewer is: `v1 › 21/26 › message + diff`. */
  crumb: string;
  /** `line 120/3400`. */
  position: string;
  note: string;
  /** The search draft while the prompt is open, else null. */
  prompt: string | null;
  /** The count typed so far (`21` of `21j`), 0 when none. */
  count?: number;
  /** Columns the focused pane is scrolled sideways (h/l), 0 when none. */
  col?: number;
  width: number;
}

export function StatusLine({ crumb, position, note, prompt, count = 0, col = 0, width }: StatusLineProps) {
  if (prompt !== null) {
    return <Box width={width}><Text wrap="truncate-end">{`/${prompt}`}<Text inverse> </Text></Text></Box>;
  }
  return (
    <Box width={width} justifyContent="space-between">
      <Text wrap="truncate-end" inverse>{` patchscope › ${crumb}  ${position} `}</Text>
      {count > 0
        ? <Text wrap="truncate-end" color="cyan">{` count ${count}: j k g G [ ] n N h l · Esc clears`}</Text>
        : note || !col
          ? <Text wrap="truncate-end" color={note ? 'yellow' : undefined} dimColor={!note}>{note ? ` ${note}` : ' ? help  q back  Q quit'}</Text>
          : <Text wrap="truncate-end" color="cyan">{` col ${col} (h l 0)`}</Text>}
    </Box>
  );
}
