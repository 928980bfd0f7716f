#!/usr/bin/env node
// Issue 18: every message of a real mbox (mboxrd) decoded three ways, for the proof that the fast readers
// change nothing: decodeMessage as it runs (plain paths, the MIME walk, postal-mime for the rest), decodeMessage
// with the MIME walk off (postal-mime reads multipart mail), and postal-mime alone (parseMime; messages with an
// unknown charset label are left out there, since decodeMessage relabels them first). Prints the counts and the
// first differences; exits 1 when there is any. Needs the build (`npm run build`).
//
//   node scripts/compare-decoders.mjs /work/data/linaro-mm-sig.mboxrd
import { createReadStream } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { splitMbox, decodeMessage, unknownCharsets, walkMime, withoutFlowed, asEightBit, parsePlainMail, MAX_HEADERS_BYTES } = await import(`${dist}/ingest/index.js`);
const { parseMime, toRawMessage } = await import(`${dist}/ingest/decode.js`);

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/compare-decoders.mjs MBOXRD');
  process.exit(2);
}
const counts = { compared: 0, plainPaths: 0, walk: 0, postalMime: 0, walkVsPostal: 0, fastVsPostalOnly: 0, unknownCharset: 0 };
const shown = [];
function note(kind, index, a, b) {
  if (shown.length >= 10) return;
  for (const k of Object.keys(b)) if (!isDeepStrictEqual(a[k], b[k])) shown.push(`${kind} message ${index} ${k}: ${JSON.stringify(a[k])?.slice(0, 160)} | ${JSON.stringify(b[k])?.slice(0, 160)}`);
}
/** Which reader decodeMessage gives the message to (its unknown-charset relabelling aside). */
function readerOf(b) {
  const eight = asEightBit(b);
  if ((eight && parsePlainMail(eight.bytes, MAX_HEADERS_BYTES)) || parsePlainMail(b, MAX_HEADERS_BYTES)) return 'plainPaths';
  return walkMime(b) ? 'walk' : 'postalMime';
}
let index = 0;
for await (const s of splitMbox(createReadStream(file, { highWaterMark: 1 << 20 }), { mboxrd: true })) {
  index += 1;
  if (s.oversize) continue;
  const bytes = Buffer.from(s.bytes);
  const origin = { source: file, index, offset: s.offset };
  const settle = (p) => p.then((v) => v, (e) => ({ rejected: String(e?.message ?? e) }));
  const fast = await settle(decodeMessage(bytes, origin));
  const noWalk = await settle(decodeMessage(bytes, origin, { mimeWalk: false }));
  counts.compared += 1;
  counts[readerOf(withoutFlowed(bytes))] += 1;
  if (!isDeepStrictEqual(fast, noWalk)) {
    counts.walkVsPostal += 1;
    note('walk', index, fast, noWalk);
  }
  if (unknownCharsets(bytes).length > 0) {
    counts.unknownCharset += 1;
    continue;
  }
  const postal = await settle(parseMime(withoutFlowed(bytes), origin).then((p) => toRawMessage(p, bytes, origin)));
  if (!isDeepStrictEqual(fast, postal)) {
    counts.fastVsPostalOnly += 1;
    note('fast', index, fast, postal);
  }
}
for (const line of shown) console.log(line);
console.log(JSON.stringify(counts));
process.exit(counts.walkVsPostal + counts.fastVsPostalOnly > 0 ? 1 : 0);
