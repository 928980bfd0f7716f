import { Box, Text } from 'ink';

export interface StatusLineProps {
  /** Where the reviewer is: `v1 › 21/26 › message + diff`. */
  crumb: string;
  /** `line 120/3400`. */
  position: string;
  note: string;
  /** The search draft while the prompt is open, else null. */
  prompt: string | null;
  width: number;
}

export function StatusLine({ crumb, position, note, prompt, width }: StatusLineProps) {
  if (prompt !== null) {
    return <Box width={width}><Text wrap="truncate-end">{`/${prompt}`}<Text inverse> </Text></Text></Box>;
  }
  return (
    <Box width={width} justifyContent="space-between">
      <Text wrap="truncate-end" inverse>{` patchscope › ${crumb}  ${position} `}</Text>
      <Text wrap="truncate-end" color={note ? 'yellow' : undefined} dimColor={!note}>{note ? ` ${note}` : ' ? help  q back  Q quit'}</Text>
    </Box>
  );
}
