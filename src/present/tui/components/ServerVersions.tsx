import { Box, Text } from 'ink';
import type { ServerVersionsProps, ServerVersionsState } from '../hooks/useServerVersions.js';
import { sanitizeForTerminal } from '../../sanitize.js';

export interface ServerVersionsViewProps {
  list: ServerVersionsProps;
  state: ServerVersionsState;
  height: number;
  width: number;
}

/** The versions of this series on its server, newest last; the opened ones marked, newer ones flagged. */
export function ServerVersions({ list, state, height, width }: ServerVersionsViewProps) {
  const newest = Math.max(0, ...list.opened);
  return (
    <Box flexDirection="column" height={height} width={width} borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate-end">{`Versions on ${sanitizeForTerminal(list.server)} (Enter opens, Esc closes)`}</Text>
      {list.versions.map((v, i) => {
        const mark = list.opened.includes(v.version) ? 'opened' : v.version > newest ? 'newer ' : '      ';
        const row = `${i === state.cursor ? '›' : ' '} v${v.version}  ${mark}  ${v.date?.slice(0, 10) ?? '          '}  ${sanitizeForTerminal(v.subject)}`;
        return <Text key={v.messageId} inverse={i === state.cursor} color={mark === 'newer ' ? 'yellow' : undefined} wrap="truncate-end">{row}</Text>;
      })}
    </Box>
  );
}
