/**
 * The list of versions a public-inbox server holds for the series opened by Message-ID: `V` shows it,
 * j/k (↓/↑) move, Enter opens the chosen version (the caller fetches it and reopens the TUI), Esc, q
 * or `V` close it. While it shows, it has the keyboard.
 */
import { useState } from 'react';
import { useKeys } from './useKeys.js';

/** One version as the list shows it (from analysis/versions' KnownVersion). */
export interface ServerVersion {
  version: number;
  messageId: string;
  subject: string;
  date: string | null;
}

export interface ServerVersionsProps {
  server: string;
  versions: readonly ServerVersion[];
  /** Versions already in the opened set. */
  opened: readonly number[];
  /** Called with the version chosen; the TUI then quits so the caller can open it. */
  onOpen: (v: ServerVersion) => void;
}

export interface ServerVersionsState {
  open: boolean;
  cursor: number;
}

export function useServerVersions(props: ServerVersionsProps | undefined): ServerVersionsState {
  const [state, setState] = useState<ServerVersionsState>({ open: false, cursor: 0 });
  const count = props?.versions.length ?? 0;
  useKeys((input, key) => {
    if (!props || count === 0) return;
    if (!state.open) {
      if (input === 'V') setState({ open: true, cursor: Math.max(0, count - 1) });
      return;
    }
    if (key.escape || input === 'q' || input === 'V') setState({ ...state, open: false });
    else if (input === 'j' || key.downArrow) setState({ ...state, cursor: Math.min(count - 1, state.cursor + 1) });
    else if (input === 'k' || key.upArrow) setState({ ...state, cursor: Math.max(0, state.cursor - 1) });
    else if (key.return) {
      const chosen = props.versions[state.cursor];
      setState({ ...state, open: false });
      if (chosen && !props.opened.includes(chosen.version)) props.onOpen(chosen);
    }
  });
  return state;
}
