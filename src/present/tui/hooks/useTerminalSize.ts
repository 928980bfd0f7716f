import { useEffect, useReducer } from 'react';
import { useStdout } from 'ink';
import type { TermSize } from '../state/ui-state.js';
import { drawableSize, readSize, sizeReducer } from '../state/term-size.js';

export { DEFAULT_SIZE, readSize, sizeReducer, drawableSize } from '../state/term-size.js';


export function useTerminalSize(): TermSize {
  const { stdout } = useStdout();
  const [size, update] = useReducer(sizeReducer, stdout, (s) => drawableSize(readSize(s)));
  useEffect(() => {
    const onResize = () => update(drawableSize(readSize(stdout)));
    stdout.on('resize', onResize);
    return () => { stdout.off('resize', onResize); };
  }, [stdout]);
  return size;
}
