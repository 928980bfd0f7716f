import { useEffect, useMemo, useReducer, type Dispatch } from 'react';
import type { ReviewModel } from '../state/model.js';
import type { TermSize, UiState } from '../state/ui-state.js';
import { initialUi, makeReviewReducer, type ReviewAction } from './reviewReducer.js';

/** The review's UI state over the pure reviewReducer; follows the terminal's size. */
export function useReview(model: ReviewModel, size: TermSize): [UiState, Dispatch<ReviewAction>] {
  const reducer = useMemo(() => makeReviewReducer(model), [model]);
  const [ui, dispatch] = useReducer(reducer, size, (sz) => initialUi(sz, model));
  useEffect(() => { dispatch({ type: 'resize', size }); }, [size]);
  return [ui, dispatch];
}
