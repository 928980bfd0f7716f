import { useEffect, useMemo, useReducer, type Dispatch } from 'react';
import { useStdout } from 'ink';
import type { ReviewModel } from '../state/model.js';
import type { UiState } from '../state/ui-state.js';
import { drawableSize, readSize } from '../state/term-size.js';
import { initialUi, makeReviewReducer, type ReviewAction } from './reviewReducer.js';

/**
 * The review's UI state over the pure reviewReducer. The terminal's size lives in that state only:
 * a resize is one action, so every frame is drawn at the size its offsets were fitted to. (With
 * the size in a hook of its own and copied into the state by an effect, a frame was drawn at the
 * new size with the old offsets, rows 00-10 hidden above 26 empty ones, and the fitted frame could
 * come only with the next key: issue 17, bug 4.)
 */
export function useReview(model: ReviewModel): [UiState, Dispatch<ReviewAction>] {
  const { stdout } = useStdout();
  const reducer = useMemo(() => makeReviewReducer(model), [model]);
  const [ui, dispatch] = useReducer(reducer, stdout, (s) => initialUi(drawableSize(readSize(s)), model));
  useEffect(() => {
    const onResize = () => dispatch({ type: 'resize', size: drawableSize(readSize(stdout)) });
    stdout.on('resize', onResize);
    // A resize between the first render and this listener is not lost.
    onResize();
    return () => { stdout.off('resize', onResize); };
  }, [stdout]);
  return [ui, dispatch];
}
