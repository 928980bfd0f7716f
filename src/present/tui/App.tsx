import { useEffect, useMemo } from 'react';
import { Box, useApp } from 'ink';
import type { ReviewData } from './data.js';
import { KEY_BINDINGS } from './keys.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ScreenView } from './components/ScreenView.js';
import { StatusLine } from './components/StatusLine.js';
import { KeysProvider, useKeys } from './hooks/useKeys.js';
import { useReview } from './hooks/useReview.js';
import { createModel } from './state/model.js';
import { positionText, screenFor } from './state/screens.js';
import { TOP, topEntry } from './state/ui-state.js';
import { ComposeLine } from './review/ComposeLine.js';
import { useReviewIO } from './review/useReviewIO.js';

export interface AppProps {
  data: ReviewData;
  /** `--from "Name <addr>"` for the review's mails; default git's user.name and user.email. */
  reviewer?: string | null;
}

function Review({ data, reviewer }: AppProps) {
  const { exit } = useApp();
  const model = useMemo(() => createModel(data), [data]);
  const [ui, dispatch] = useReview(model);
  const { size } = ui;
  useKeys((input, key) => dispatch({ type: 'key', input, key }));
  useReviewIO(model, ui, dispatch, reviewer ?? null);
  useEffect(() => { if (ui.quit) exit(); }, [ui.quit, exit]);

  const screen = screenFor(model, ui);
  const e = topEntry(ui);
  const { col } = e.panes[e.focus] ?? TOP;
  const position = positionText(screen, e);
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      {ui.help
        ? <HelpOverlay bindings={KEY_BINDINGS} height={size.rows - 1} width={size.columns} offset={ui.helpOffset} />
        : <ScreenView screen={screen} entry={e} size={size} highlight={ui.search.query} />}
      <Box flexGrow={1} />
      {ui.review?.compose ? <ComposeLine compose={ui.review.compose} width={size.columns} /> : <StatusLine crumb={screen.crumb} position={position} note={ui.note || (data.pending ?? '')}
        prompt={ui.search.typing ? ui.search.draft : null} count={ui.count} col={col ?? 0} width={size.columns} />}
    </Box>
  );
}

/** The review TUI: one key provider around the screens. */
export function App({ data, reviewer }: AppProps) {
  return <KeysProvider><Review data={data} reviewer={reviewer} /></KeysProvider>;
}
