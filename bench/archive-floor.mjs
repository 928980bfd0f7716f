#!/usr/bin/env node
// The floor of `index` in this runtime (issue 18): a program that does a strict subset of the index's work on an
// mbox, as cheaply as we know how, so that its time bounds from below what any Node implementation of `index` can
// take. real-archive-bench.mjs runs it as a row of its own (`--only floor`), against git mailsplit and Python.
//
//   node bench/archive-floor.mjs ARCHIVE DB [--stage split|floor|rows]   (prints "messages N, with a diff D" on stderr)
//
// --stage floor (the default) does, each step the least of what `index` must do:
// - reads the file in 1 MiB pieces into one reused buffer, as `index` does (reading it whole costs ~0.7 s more here:
//   fresh memory is a page fault per 4 KiB on our VM);
// - finds the messages' `From ` lines (no `>From ` un-quoting);
// - takes the raw values of the six headers a row holds as latin1 text (no unfolding, RFC 2047 words, address or
//   date parsing);
// - undoes base64 (the commonest transfer encoding of this list's patches) and searches the body's bytes for a diff
//   (`diff --git `, `+++`, `GIT binary patch` at a line start; no quoted-printable, charset, diffstat, change-id,
//   in-body headers or list footer);
// - inserts one row per message into the index's own `messages` table (its schema, indexes and pragmas, through
//   openIndex), 1,024 rows per transaction as `index` does; no series grouping, versions or families.
// Node's start and the loading of better-sqlite3 count, as they do for `index`.
// --stage split only reads and splits (no rows, no SQLite). --stage rows reads and splits as the floor does and then
// makes each row with the index's own code (record.ts: quickDecodedRow, else fullDecodedRow, mboxrd un-quoting
// included) and inserts it: `index` less its batching pipeline, the grouping of series and its versions and families.
// Between the three, and `index` itself, the bench shows what each part of the work costs.
import { closeSync, openSync, readSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { openIndex } = await import(join(root, 'dist', 'archive', 'sqlite.js'));
const { values: opts, positionals } = parseArgs({ options: { stage: { type: 'string', default: 'floor' } }, allowPositionals: true });
const [archive, dbPath] = positionals;
const stage = opts.stage;
if (!archive || !dbPath || !['split', 'floor', 'rows'].includes(stage)) {
  console.error('usage: archive-floor.mjs ARCHIVE DB [--stage split|floor|rows]');
  process.exit(2);
}
// Only the rows stage loads the index's decoding modules: the other stages do not pay for their loading.
const { quickDecodedRow, fullDecodedRow } = stage === 'rows' ? await import(join(root, 'dist', 'archive', 'record.js')) : {};

const LF = 0x0a;
const CR = 0x0d;
const FROM_LINE = Buffer.from('\nFrom ');
const HEADERS = ['message-id', 'in-reply-to', 'references', 'from', 'date', 'subject', 'content-transfer-encoding'];
const NAMES = HEADERS.map((h) => Buffer.from(h));
const DIFF_MARKS = ['diff --git ', '+++', 'GIT binary patch'].map((s) => Buffer.from(s));
const BASE64 = /^\s*base64\s*$/i;

/** Index into HEADERS of the header name b[s, e), or -1 (ASCII, any case). */
function nameAt(b, s, e) {
  outer: for (let h = 0; h < NAMES.length; h++) {
    const n = NAMES[h];
    if (n.length !== e - s) continue;
    for (let i = 0; i < n.length; i++) if ((b[s + i] | 0x20) !== n[i]) continue outer;
    return h;
  }
  return -1;
}

/** Whether `body` has one of DIFF_MARKS at a line start (or a CR, or U+2028/9's last byte, before it). */
function hasDiff(body) {
  for (const mark of DIFF_MARKS) {
    for (let p = body.indexOf(mark); p >= 0; p = body.indexOf(mark, p + 1)) {
      const c = p === 0 ? LF : body[p - 1];
      if (c === LF || c === CR || c === 0xa8 || c === 0xa9) return true;
    }
  }
  return false;
}

const db = openIndex(dbPath);
const source = db.prepare("INSERT INTO sources (path, kind, mboxrd) VALUES (?, 'mbox', 1)").run(archive).lastInsertRowid;
const insert = db.prepare(
  `INSERT OR IGNORE INTO messages (source_id, position, msgid, in_reply_to, refs, subject, from_name, from_email, date, kind,
    has_diff, has_diffstat, change_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);
const write = db.transaction((rows) => {
  for (const r of rows) insert.run(source, r[0], r[1], r[2], r[3], r[6], r[4], null, r[5], r[8] ? 'patch' : 'other', r[8] ? 1 : 0, 0, null);
});
const writeRows = db.transaction((rows) => {
  for (const r of rows) {
    insert.run(source, r.position, r.msgid, r.inReplyTo, r.references.join(' '), r.subject, r.fromName, r.fromEmail, r.date, r.kind,
      r.hasDiff ? 1 : 0, r.hasDiffstat ? 1 : 0, r.changeId);
  }
});
/** Rows the full decoder is still reading (it is asynchronous); a quick row is ready at once. */
const fullRows = [];

/** --stage rows: the index's own row of a message (its `From ` line off, as the index's splitter hands it over). */
function exactRow(m, offset) {
  const raw = m.subarray(m.indexOf(LF) + 1);
  const position = { kind: 'offset', source: archive, offset };
  const row = quickDecodedRow(raw, position, true);
  if (row) rows.push(row);
  else fullRows.push(fullDecodedRow(Buffer.from(raw), position, messages, true).then((r) => (r.kind === 'row' ? r.row : null)));
  messages += 1;
  if (row?.hasDiff) diffs += 1;
  if (rows.length === 1024) {
    writeRows(rows);
    rows = [];
  }
}

let rows = [];
let messages = 0;
let diffs = 0;

/** One message: `m` runs from its `From ` line to the end of its last line; `offset` is where it starts in the file. */
function message(m, offset) {
  if (stage === 'split') {
    messages += 1;
    return;
  }
  if (stage === 'rows') return exactRow(m, offset);
  const headerStart = m.indexOf(LF) + 1;
  let bodyStart = m.indexOf('\n\n', headerStart);
  bodyStart = bodyStart < 0 ? m.length : bodyStart + 2;
  const values = [String(offset), '', null, '', null, null, '', null];
  for (let i = headerStart; i < bodyStart - 1; ) {
    let nl = m.indexOf(LF, i);
    if (nl < 0 || nl >= bodyStart) nl = bodyStart - 1;
    const colon = m.indexOf(0x3a, i);
    if (colon > i && colon < nl) {
      const h = nameAt(m, i, colon);
      if (h >= 0) values[h + 1] = m.latin1Slice(colon + 1, nl);
    }
    i = nl + 1;
  }
  let body = m.subarray(bodyStart);
  if (values[7] !== null && BASE64.test(values[7])) body = Buffer.from(body.latin1Slice(0, body.length), 'base64');
  const diff = hasDiff(body);
  rows.push([...values.slice(0, 7), null, diff]);
  messages += 1;
  if (diff) diffs += 1;
  if (rows.length === 1024) {
    write(rows);
    rows = [];
  }
}

const fd = openSync(archive, 'r');
let buf = Buffer.allocUnsafe(1 << 20);
let held = 0; // bytes of buf in use: the unfinished message at its front, then what was read
let heldAt = 0; // the file offset of buf[0]
for (;;) {
  if (held === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // a message larger than the buffer
  const n = readSync(fd, buf, held, buf.length - held, heldAt + held);
  const eof = n === 0;
  held += n;
  // Each message ends where the next `From ` line starts; the last one at the end of the file.
  const read = buf.subarray(0, held);
  let start = 0;
  for (let next = read.indexOf(FROM_LINE, 1); next >= 0; next = read.indexOf(FROM_LINE, start + 1)) {
    message(read.subarray(start, next + 1), heldAt + start);
    start = next + 1;
  }
  if (eof) {
    if (start < held) message(read.subarray(start), heldAt + start);
    break;
  }
  buf.copyWithin(0, start, held);
  held -= start;
  heldAt += start;
}
closeSync(fd);
if (stage === 'rows') {
  const late = (await Promise.all(fullRows)).filter((r) => r !== null);
  diffs += late.filter((r) => r.hasDiff).length;
  writeRows([...rows, ...late]);
} else write(rows);
db.close();
console.error(`messages ${messages}, with a diff ${diffs}`);
