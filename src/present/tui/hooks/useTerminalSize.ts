import { useEffect, useReducer } from 'react';
import { useStdout } from 'ink';
import type { TermSize } from '../state/ui-state.js';

/** Without a terminal (pipes, test doubles) Ink reports no rows: assume a classic 80x24 screen. */
export const DEFAULT_SIZE: TermSize = { columns: 80, rows: 24 };

export function readSize(stream: { columns?: number; rows?: number }): TermSize {
  return { columns: stream.columns || DEFAULT_SIZE.columns, rows: stream.rows || DEFAULT_SIZE.rows };
}

/** Keeps the old object when nothing changed, so a spurious 'resize' costs no render. */
export function sizeReducer(old: TermSize, next: TermSize): TermSize {
  return old.columns === next.columns && old.rows === next.rows ? old : next;
}

export function useTerminalSize(): TermSize {
  const { stdout } = useStdout();
  const [size, update] = useReducer(sizeReducer, stdout, readSize);
  useEffect(() => {
    const onResize = () => update(readSize(stdout));
    stdout.on('resize', onResize);
    return () => { stdout.off('resize', onResize); };
  }, [stdout]);
  return size;
}
