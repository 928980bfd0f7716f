import { useEffect, useMemo } from 'react';
import { Box, useApp, useStdout } from 'ink';
import { describeYank, systemClipboard, yank } from './clipboard.js';
import type { ReviewData } from './data.js';
import { KEY_BINDINGS } from './keys.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { ScreenView } from './components/ScreenView.js';
import { StatusLine } from './components/StatusLine.js';
import { KeysProvider, useKeys } from './hooks/useKeys.js';
import { useServerVersions, type ServerVersionsProps } from './hooks/useServerVersions.js';
import { ServerVersions } from './components/ServerVersions.js';
import { useReview } from './hooks/useReview.js';
import { createModel } from './state/model.js';
import { positionText, screenFor } from './state/screens.js';
import { TOP, topEntry } from './state/ui-state.js';
import { ComposeLine } from './review/ComposeLine.js';
import { useReviewIO } from './review/useReviewIO.js';

export interface AppProps {
  data: ReviewData;
  /** Pick mode: told the chosen entry before the TUI quits. */
  onChoose?: (index: number) => void;
  /** For a series opened by Message-ID: the versions its server holds (`V`). */
  serverVersions?: ServerVersionsProps;
  /** `--from "Name <addr>"` for the review's mails; default git's user.name and user.email. */
  reviewer?: string | null;
}

function Review({ data, onChoose, serverVersions, reviewer }: AppProps) {
  const { exit } = useApp();
  const model = useMemo(() => createModel(data), [data]);
  const [ui, dispatch] = useReview(model);
  const { size } = ui;
  const versions = useServerVersions(serverVersions);
  useKeys((input, key) => dispatch({ type: 'key', input, key }), { isActive: !versions.open });
  useReviewIO(model, ui, dispatch, reviewer ?? null);
  useEffect(() => {
    if (!ui.quit) return;
    if (ui.chosen !== undefined) onChoose?.(ui.chosen);
    exit();
  }, [ui.quit, ui.chosen, onChoose, exit]);
  const { stdout } = useStdout();
  useEffect(() => {
    if (ui.yank) dispatch({ type: 'note', text: describeYank(yank(ui.yank.text, systemClipboard(stdout)), ui.yank.what) });
  }, [ui.yank, stdout, dispatch]);

  const screen = screenFor(model, ui);
  const e = topEntry(ui);
  const { col } = e.panes[e.focus] ?? TOP;
  const position = positionText(screen, e);
  return (
    <Box flexDirection="column" width={size.columns} height={size.rows}>
      {versions.open && serverVersions
        ? <ServerVersions list={serverVersions} state={versions} height={size.rows - 1} width={size.columns} />
        : ui.help
        ? <HelpOverlay bindings={KEY_BINDINGS} height={size.rows - 1} width={size.columns} offset={ui.helpOffset} />
        : <ScreenView screen={screen} entry={e} size={size} highlight={ui.search.query} />}
      <Box flexGrow={1} />
      {ui.review?.compose ? <ComposeLine compose={ui.review.compose} width={size.columns} /> : <StatusLine crumb={screen.crumb} position={position} note={ui.note || (data.pending ?? '')}
        prompt={ui.search.typing ? ui.search.draft : null} count={ui.count} col={col ?? 0} width={size.columns} />}
    </Box>
  );
}

/** The review TUI: one key provider around the screens. */
export function App(props: AppProps) {
  return <KeysProvider><Review {...props} /></KeysProvider>;
}
