import { Box, Text } from 'ink';
import { clean } from '../state/lines.js';
import type { Compose } from './slice.js';
import { describePlace } from './doc.js';

/** Where a draft goes, for the prompt: `23 pages.c:120 (new)`. */
export function describeTarget(c: Compose): string {
  return describePlace(c.patch, c.target);
}


/** The comment being typed, on the status line: its place, the draft's last line, the keys. */
export function ComposeLine({ compose, width }: { compose: Compose; width: number }) {
  const lines = compose.draft.split('\n');
  const more = lines.length > 1 ? `(${lines.length} lines) ` : '';
  return (
    <Box width={width}>
      <Text wrap="truncate-start">
        <Text color="cyan">{`✎ ${describeTarget(compose)} ${more}› `}</Text>
        {clean(lines[lines.length - 1] ?? '')}
        <Text inverse> </Text>
        <Text dimColor>{'  Enter keeps · Esc drops · ^E $EDITOR · ^J new line'}</Text>
      </Text>
    </Box>
  );
}
