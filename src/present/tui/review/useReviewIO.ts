import { useEffect, useRef, type Dispatch } from 'react';
import { useStdin, useStdout } from 'ink';
import {
  configuredTransport, openReviewState, reviewerIdentity, saveReviewState, sendMails, stateDir, withAnchors, writeReplies,
  type OpenedState, type Review, type ReviewComment, type ReviewState, type Transport,
} from '../../../review/index.js';
import type { Person } from '../../../series/index.js';
import { writeFileAtomic } from '../../../util/atomic-write.js';
import type { ReviewAction } from '../hooks/reviewReducer.js';
import type { ReviewModel } from '../state/model.js';
import type { UiState } from '../state/ui-state.js';
import { editText } from './editor.js';
import { replies, sliceOf } from './slice.js';

function describe(t: Transport): string {
  if (t.kind === 'smtp') return `SMTP ${t.host}:${t.port}`;
  return t.kind === 'sendmail' ? t.program : 'git send-email';
}

function openedNote(o: OpenedState): string {
  const n = o.state.comments.length + o.state.trailers.length;
  switch (o.kind) {
    case 'fresh': return '';
    case 'resumed': return n ? `review resumed: ${o.state.comments.length} comments, ${o.state.trailers.length} trailers` : '';
    case 'moved': return `comments moved from v${o.from.version}: ${o.moved} placed${o.state.unmatched.length ? `, ${o.state.unmatched.length} found no place (listed under the series header)` : ''}`;
    case 'foreign': return `the review state here was v${o.found.version} of "${o.found.title}": not applied, moved to ${o.movedTo}`;
  }
}

/**
 * The review's I/O around the pure reducer: reads the state file of each version shown (resume, or
 * comments moved from an older version), saves atomically after every change, runs $EDITOR, writes
 * the replies beside the state file and sends them once the reviewer said y.
 */
export function useReviewIO(model: ReviewModel, ui: UiState, dispatch: Dispatch<ReviewAction>, reviewer: string | null = null, env: NodeJS.ProcessEnv = process.env): void {
  const { setRawMode, isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const opened = useRef(new Map<number, OpenedState>());
  const saved = useRef(new Map<number, Review>());
  const savedUnmatched = useRef(new Map<number, { comments: ReviewComment[] } | undefined>());
  const identity = useRef<Person | null | undefined>(undefined);
  /** What `W` wrote, sent as is on `y` (the same Message-IDs and bytes as the file). */
  const written = useRef<ReturnType<typeof writeReplies> | null>(null);
  const handled = useRef<unknown>(null);
  const slice = sliceOf(ui);
  const version = ui.version;

  // Read this version's review once.
  useEffect(() => {
    const series = model.series(version);
    if (!series || opened.current.has(version)) return;
    let live = true;
    void (async () => {
      if (identity.current === undefined) identity.current = await reviewerIdentity(reviewer).catch(() => null);
      if (!live || opened.current.has(version)) return;
      let o: OpenedState;
      try {
        o = openReviewState(stateDir(env), model.data.set, series, identity.current);
      } catch (e) {
        dispatch({ type: 'review.finished', note: (e as Error).message });
        return;
      }
      opened.current.set(version, o);
      const review = { comments: o.state.comments, trailers: o.state.trailers };
      saved.current.set(version, review);
      const unmatched = o.state.unmatched.length && o.state.movedFrom ? { from: o.state.movedFrom.version, comments: o.state.unmatched } : undefined;
      dispatch({ type: 'review.loaded', version, review, identity: identity.current, note: openedNote(o), unmatched });
    })();
    return () => { live = false; };
  }, [model, version, dispatch, env, reviewer]);

  // Save after every change (atomic: quitting mid-write leaves the last whole file).
  // The unmatched list too: a comment re-attached leaves it in the same write that adds it to the comments.
  const review = slice.reviews[version];
  const unmatched = slice.unmatched?.[version];
  useEffect(() => {
    const o = opened.current.get(version);
    const series = model.series(version);
    if (!o || !series || !review) return;
    if (!savedUnmatched.current.has(version)) savedUnmatched.current.set(version, unmatched);
    if (saved.current.get(version) === review && savedUnmatched.current.get(version) === unmatched) return;
    saved.current.set(version, review);
    savedUnmatched.current.set(version, unmatched);
    try {
      const state: ReviewState = { ...o.state, ...withAnchors(series, review), unmatched: unmatched?.comments ?? o.state.unmatched, identity: identity.current ?? null };
      saveReviewState(o.path, state);
    } catch (e) {
      dispatch({ type: 'review.finished', note: `cannot save the review: ${(e as Error).message}` });
    }
  }, [model, version, review, unmatched, dispatch]);

  // Requests: $EDITOR, write, send.
  const request = slice.request;
  useEffect(() => {
    if (!request || handled.current === request) return;
    handled.current = request;
    const series = model.series(version);
    const o = opened.current.get(version);
    if (request.kind === 'editor') {
      if (isRawModeSupported) setRawMode(false);
      // The editor gets the terminal as it was: out of raw mode and the alternate screen, back after.
      if (stdout.isTTY) stdout.write('\x1b[?1049l');
      const text = editText(request.text, env);
      if (stdout.isTTY) stdout.write('\x1b[?1049h\x1b[H\x1b[2J');
      if (isRawModeSupported) setRawMode(true);
      if (text === null) dispatch({ type: 'review.finished', note: 'the editor failed: comment not changed' });
      else dispatch({ type: 'review.edited', patch: request.patch, target: request.target, text, editing: request.editing });
      return;
    }
    if (!series || !o) { dispatch({ type: 'review.finished', note: 'the review is not loaded yet' }); return; }
    const me = identity.current;
    if (!me) { dispatch({ type: 'review.finished', note: 'who are you? set git config user.name and user.email' }); return; }
    void (async () => {
      try {
        if (request.kind === 'write') {
          const out = writeReplies(series, slice.reviews[version] ?? { comments: [], trailers: [] }, me);
          written.current = out;
          const path = o.path.replace(/\.json$/, '-replies.mbox');
          if (out.mails.length) writeFileAtomic(path, out.mbox);
          dispatch({ type: 'review.written', count: out.mails.length, path, via: describe(await configuredTransport(env)) });
        } else {
          const out = written.current;
          if (!out) { dispatch({ type: 'review.finished', note: 'write the replies first (W)' }); return; }
          const t = await configuredTransport(env);
          const sent = await sendMails(t, out.mails, out.texts, env);
          dispatch({ type: 'review.finished', note: `sent ${replies(sent.mails)} by ${describe(t)}` });
        }
      } catch (e) {
        dispatch({ type: 'review.finished', note: `not sent: ${(e as Error).message.split('\n')[0]}` });
      }
    })();
  }, [request, model, version, dispatch, env, isRawModeSupported, setRawMode, stdout, slice.reviews]);
}
