import type { SearchState } from '../state/ui-state.js';

export type SearchAction =
  | { type: 'start' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'cancel' }
  | { type: 'confirm' };

export const IDLE_SEARCH: SearchState = { typing: false, draft: '', query: '' };

/** The `/` prompt: a draft while typing; Enter makes it the query n/N repeat, Esc keeps the old one. */
export function searchReducer(s: SearchState, a: SearchAction): SearchState {
  switch (a.type) {
    case 'start': return { ...s, typing: true, draft: '' };
    case 'type': return s.typing ? { ...s, draft: s.draft + a.text } : s;
    case 'erase': return s.typing ? { ...s, draft: s.draft.slice(0, -1) } : s;
    case 'cancel': return { ...s, typing: false, draft: '' };
    case 'confirm': return { typing: false, draft: '', query: s.draft === '' ? s.query : s.draft };
  }
}
