import { Box, Text } from 'ink';
import { columnWidths, paneHeight, type Screen } from '../state/screens.js';
import { TOP, type TermSize, type ViewEntry } from '../state/ui-state.js';
import { Pane } from './Pane.js';
import { Row } from './Row.js';

export interface ScreenViewProps {
  screen: Screen;
  entry: ViewEntry;
  size: TermSize;
  /** The last confirmed search. */
  highlight: string;
}

function PaneTitles({ screen, focus, widths }: { screen: Screen; focus: number; widths: number[] }) {
  return (
    <Box>
      {screen.panes.map((p, i) => (
        <Box key={p.id} width={screen.layout === 'tabs' ? undefined : widths[i]}>
          <Text bold={i === focus} inverse={i === focus} color={i === focus ? 'cyan' : undefined}>{` ${p.title} `}</Text>
          <Text>{screen.layout === 'tabs' ? ' ' : ''}</Text>
        </Box>
      ))}
      {screen.layout === 'tabs' ? <Text dimColor>(Tab: switch)</Text> : null}
    </Box>
  );
}

function PaneAt({ screen, entry, size, i, width, highlight }: ScreenViewProps & { i: number; width: number }) {
  const p = screen.panes[i]!;
  return (
    <Pane lines={p.lines} header={p.header} state={entry.panes[i] ?? TOP}
      height={paneHeight(screen, p, size)} width={width} focused={i === entry.focus} highlight={highlight} />
  );
}

function StackedPanes({ screen, entry, size, highlight }: ScreenViewProps) {
  const titled = screen.panes.length > 1;
  return (
    <Box flexDirection="column">
      {screen.panes.map((p, i) => (
        <Box key={p.id} flexDirection="column">
          {titled ? <Text bold={i === entry.focus} inverse={i === entry.focus} color={i === entry.focus ? 'cyan' : undefined}>{` ${p.title} `}</Text> : null}
          <PaneAt screen={screen} entry={entry} size={size} i={i} width={size.columns} highlight={highlight} />
        </Box>
      ))}
    </Box>
  );
}

/** Header rows, then the panes: stacked, side by side, or one at a time behind a tab bar. */
export function ScreenView({ screen, entry, size, highlight }: ScreenViewProps) {
  const header = screen.header.map((h, i) => <Row key={i} line={h} selected={false} focused={false} width={size.columns} highlight="" />);
  if (screen.layout === 'stack') return <Box flexDirection="column">{header}<StackedPanes screen={screen} entry={entry} size={size} highlight={highlight} /></Box>;
  const widths = columnWidths(screen, size.columns);
  const showBar = screen.layout === 'tabs' || screen.panes.length > 1;
  const shown = screen.layout === 'tabs' ? [entry.focus] : screen.panes.map((_, i) => i);
  return (
    <Box flexDirection="column">
      {header}
      {showBar ? <PaneTitles screen={screen} focus={entry.focus} widths={widths} /> : null}
      <Box>
        {shown.map((i) => (
          <PaneAt key={screen.panes[i]!.id} screen={screen} entry={entry} size={size} i={i} highlight={highlight}
            width={screen.layout === 'tabs' ? size.columns : widths[i]!} />
        ))}
      </Box>
    </Box>
  );
}
