#!/usr/bin/env node
// Review bench (uses the compiled dist/; `npm run bench -- --only review`), both in process:
//   1. open a patch carrying 50 of the reviewer's comments in the TUI (Enter on its row → the frame
//      with the ✎ rows), against opening the same patch with no comments, same run;
//   2. write the replies of a 26-patch review (a comment on 3 lines of every patch, a Reviewed-by on
//      each, an Acked-by on the cover: 27 mails, mbox included), against reading the same series.
// Target (issue 16): each under 100 ms. Medians of RUNS runs.
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createElement } from 'react';
import { render } from 'ink-testing-library';

process.env.FORCE_COLOR = '0';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const load = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);
const MBOX = resolve(root, 'fixtures/dmabuf-mapping-types/series.mbox');
const RUNS = 15;
const state = mkdtempSync(join(tmpdir(), 'patchscope-review-bench-'));
process.env.XDG_STATE_HOME = state;

const { App } = await load('present/tui/App.js');
const { loadSeriesSet } = await load('series/index.js');
const R = await load('review/index.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ME = { name: 'Rev Iewer', email: 'rev@example.org' };

/** `n` comments on the added and context lines of patch `index`, spread over its files. */
function commentsOn(series, index, n) {
  const p = series.patches.find((x) => x.index === index);
  const places = p.files.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.kind !== 'remove' && l.newLine !== null).map((l) => ({ file: f.path, line: l.newLine }))));
  return Array.from({ length: n }, (_, i) => {
    const at = places[Math.floor((i * places.length) / n)];
    return { id: `b${index}-${i}`, patch: index, target: { kind: 'line', file: at.file, line: at.line, side: 'new' }, text: `Comment ${i + 1}: why is this needed here? The commit message does not say, and the next patch changes it again.` };
  });
}

/** Wall time and this process's CPU time from the key to its frame (CPU time does not swell on a loaded machine). */
async function frameAfter(app, key) {
  const before = app.frames.length;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  app.stdin.write(key);
  while (app.frames.length === before) await new Promise((r) => setImmediate(r));
  const c = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

/** Opens the biggest patch from the series view; with `comments`, after the review is loaded from its state file. */
async function openPatch(set, series, big, comments) {
  rmSync(join(state, 'patchscope'), { recursive: true, force: true });
  if (comments.length) {
    const o = R.openReviewState(R.stateDir(), set, series, ME);
    R.saveReviewState(o.path, { ...o.state, ...R.withAnchors(series, { comments, trailers: [] }) });
  }
  const app = render(createElement(App, { data: { set, findings: [] } }));
  while (app.frames.length === 0) await new Promise((r) => setImmediate(r));
  if (comments.length) while (!(app.lastFrame() ?? '').includes('review resumed')) await new Promise((r) => setTimeout(r, 2));
  for (const ch of String(big)) app.stdin.write(ch);
  await frameAfter(app, 'G');
  const t = await frameAfter(app, '\r');
  app.unmount();
  return t;
}

const set = await loadSeriesSet(MBOX);
const series = set.series[0];
const big = series.patches.reduce((a, b) => (b.files.reduce((n, f) => n + f.hunks.length, 0) > a.files.reduce((n, f) => n + f.hunks.length, 0) ? b : a)).index;
const fifty = commentsOn(series, big, 50);
if (R.checkReview(series, { comments: fifty, trailers: [] }).length) throw new Error('bench comments do not fit the patch');

const plain = [];
const commented = [];
for (let i = 0; i < RUNS; i++) {
  plain.push(await openPatch(set, series, big, []));
  commented.push(await openPatch(set, series, big, fifty));
}
for (const k of ['wall', 'cpu']) {
  const [a, b] = [median(plain.map((x) => x[k])), median(commented.map((x) => x[k]))];
  console.log(`open patch ${big} (Enter → frame), ${k.padEnd(4)}  no comments median ${a.toFixed(1)} ms; 50 comments median ${b.toFixed(1)} ms  (${(b / a).toFixed(2)}x)`);
}

// 1b. The same open without Ink: the patch view's rows built by the reducer and screens (fresh model each run).
const { createModel } = await load('present/tui/state/model.js');
const { screenFor } = await load('present/tui/state/screens.js');
const { initialUi, makeReviewReducer } = await load('present/tui/hooks/reviewReducer.js');
function openRows(comments) {
  const model = createModel({ set, findings: [] });
  const reduce = makeReviewReducer(model);
  let ui = reduce(initialUi({ columns: 120, rows: 40 }, model), { type: 'review.loaded', version: 0, review: { comments, trailers: [] }, identity: ME, note: '' });
  const t0 = performance.now();
  ui = reduce(reduce(ui, { type: 'command', command: 'nav.bottom', count: big }), { type: 'command', command: 'nav.open' });
  const rows = screenFor(model, ui).panes[0].lines;
  const ms = performance.now() - t0;
  if (comments.length && rows.filter((r) => r.reviewCommentId).length < comments.length) throw new Error('comment rows missing');
  return ms;
}
const rowsPlain = [];
const rowsCommented = [];
for (let i = 0; i < RUNS; i++) { rowsPlain.push(openRows([])); rowsCommented.push(openRows(fifty)); }
console.log(`open patch ${big}, rows only (no Ink)      no comments median ${median(rowsPlain).toFixed(1)} ms; 50 comments median ${median(rowsCommented).toFixed(1)} ms  (${(median(rowsCommented) / median(rowsPlain)).toFixed(2)}x)`);

// 2. The replies of a 26-patch review.
const review = {
  comments: series.patches.flatMap((p) => commentsOn(series, p.index, 3)),
  trailers: [...series.patches.map((p) => ({ patch: p.index, key: 'Reviewed-by', value: 'Rev Iewer <rev@example.org>' })), { patch: 0, key: 'Acked-by', value: 'Rev Iewer <rev@example.org>' }],
};
if (R.checkReview(series, review).length) throw new Error('bench review does not fit the series');
const reading = [];
const writing = [];
let mails = 0;
for (let i = 0; i < RUNS; i++) {
  let t0 = performance.now();
  await loadSeriesSet(MBOX);
  reading.push(performance.now() - t0);
  t0 = performance.now();
  const out = R.writeReplies(series, review, ME);
  writing.push(performance.now() - t0);
  mails = out.mails.length;
}
console.log(`write replies, 26-patch review         ${mails} mails median ${median(writing).toFixed(1)} ms; reading the series median ${median(reading).toFixed(1)} ms  (${(median(writing) / median(reading)).toFixed(2)}x)`);
rmSync(state, { recursive: true, force: true });
const slow = Math.max(median(commented.map((x) => x.wall)), median(writing));
console.log(`target < 100 ms each: ${slow < 100 ? 'met' : `not met (${slow.toFixed(1)} ms; compare the same-run baselines: a loaded machine inflates both)`}; load average ${(await import('node:os')).loadavg()[0].toFixed(1)}`);
