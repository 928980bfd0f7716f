/**
 * The index row of the multipart mail a list archive is full of, without postal-mime: a list's
 * footer part after the sender's text, a PGP-signed text, a text/plain + text/html alternative,
 * a patch attached as text. postal-mime spends most of its time on such mail copying every line
 * through Blobs (on the real linaro-mm-sig archive its 581 multipart messages cost a third of
 * `index`). The walk follows postal-mime 4's reading (mime-node.ts, postal-mime.ts: boundaries,
 * part content line by line, which parts are body text and in which order they are joined) only
 * for a strict subset: LF line ends, no unknown charset anywhere, plain
 * header lines, Content-Type parameters that are tokens or simple quoted strings, multipart/mixed,
 * signed or alternative with a closing delimiter, leaves that are text/plain, text/html inside an
 * alternative that also has text/plain, other text/* attachments, or non-text attachments.
 * A single text part whose Content-Type plain-mail.ts declines (an extra parameter) is read the same way.
 * Anything else returns undefined and goes to postal-mime. quick-row.test.ts compares the rows
 * with the full decoder's on the real corpus and on odd samples.
 */
import {
  decodeBase64, decodeQuotedPrintable, plainBodyDecoder, toRawMessage, unknownCharsets, withoutFlowed, MAX_HEADERS_BYTES, type TextAttachment,
} from '../ingest/index.js';
import { toMessageRow, type MessageRow } from './record.js';

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const FLOWED = Buffer.from('flowed');
const MAX_DEPTH = 8;
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8 = new TextDecoder('utf-8');
const NO_BYTES = new Uint8Array(0);
const ROW = new Set(['message-id', 'in-reply-to', 'references', 'from', 'date', 'subject']);

/** `type/subtype` and `; name=value` parameters, values tokens or quoted strings without `\`, `;` or `(`. */
const STRUCTURED = /^([A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+|[A-Za-z]+)[ \t]*((?:;[ \t]*[A-Za-z0-9_-]+[ \t]*=[ \t]*(?:"[^"\\();]*"|[^\s"\\();=]+)[ \t]*)*);?[ \t]*$/;
const PARAM = /;[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"]*)"|([^\s";]+))/g;
const ENCODING = /^(7bit|8bit|binary|base64|quoted-printable)?$/i;

interface Structured {
  value: string;
  params: Map<string, string>;
}

interface Part {
  type: Structured;
  disposition: string;
  encoding: string;
  /** The part's body (after its header block) up to the line that ends it. */
  bodyStart: number;
  bodyEnd: number;
  children: Part[];
}

/** Why the walk gave up: the message goes to postal-mime. */
class Decline extends Error {}
const decline = (): never => {
  throw new Decline();
};

/** A Content-Type or Content-Disposition value as postal-mime's parseStructuredHeader reads the strict subset. */
function structured(value: string): Structured {
  const m = STRUCTURED.exec(value) ?? decline();
  const params = new Map<string, string>();
  for (const p of m[2]!.matchAll(PARAM)) {
    const key = p[1]!.toLowerCase();
    if (!params.has(key)) params.set(key, p[2] ?? p[3]!);
  }
  return { value: m[1]!.toLowerCase(), params };
}

/** trimWsp of postal-mime: spaces and tabs only. */
function trimWsp(s: string): string {
  let a = 0;
  let z = s.length;
  while (a < z && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09)) a++;
  while (z > a && (s.charCodeAt(z - 1) === 0x20 || s.charCodeAt(z - 1) === 0x09)) z--;
  return s.slice(a, z);
}

/** End of the line starting at `i` (its LF, or `end`). */
function lineEnd(b: Buffer, i: number, end: number): number {
  const nl = b.indexOf(LF, i);
  return nl < 0 || nl > end ? end : nl;
}

/** A header block from `start`: raw lines (folds joined by `\n`) with lower-case keys, and where the body starts. */
function headerBlock(b: Buffer, start: number, end: number): { lines: { key: string; line: string }[]; body: number } {
  const lines: { key: string; line: string }[] = [];
  for (let i = start; i < end; ) {
    const e = lineEnd(b, i, end);
    if (e === end) decline(); // no empty line before the part ends
    if (e === i) return { lines, body: i + 1 };
    const c = b[i];
    if (c === 0x20 || c === 0x09) {
      const last = lines[lines.length - 1] ?? decline();
      last.line += `\n${headerDecoder.decode(b.subarray(i, e))}`;
    } else {
      let colon = i;
      while (colon < e && b[colon] !== 0x3a) {
        if (b[colon]! < 0x21 || b[colon]! > 0x7e) decline();
        colon++;
      }
      if (colon === e || colon === i) decline();
      lines.push({ key: b.toString('latin1', i, colon).toLowerCase(), line: headerDecoder.decode(b.subarray(i, e)) });
    }
    i = e + 1;
  }
  return decline();
}

/** The first header of `key`, unfolded and trimmed as postal-mime reads it; ASCII only here. */
function contentHeader(lines: { key: string; line: string }[], key: string): string | undefined {
  const line = lines.find((l) => l.key === key)?.line;
  if (line === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(line)) decline();
  return trimWsp(line.slice(line.indexOf(':') + 1).replace(/\n/g, ''));
}

/** Whether line `b[s, e)` is `--boundary` or `--boundary--`, blanks after it allowed; 1 for a delimiter, 2 for the end. */
function delimiter(b: Buffer, s: number, e: number, boundary: Buffer): 0 | 1 | 2 {
  if (e - s < boundary.length + 2 || b[s] !== DASH || b[s + 1] !== DASH) return 0;
  if (b.compare(boundary, 0, boundary.length, s + 2, s + 2 + boundary.length) !== 0) return 0;
  let i = s + 2 + boundary.length;
  let kind: 1 | 2 = 1;
  if (e - i >= 2 && b[i] === DASH && b[i + 1] === DASH) {
    kind = 2;
    i += 2;
  }
  for (; i < e; i++) if (b[i] !== 0x20 && b[i] !== 0x09) return 0;
  return kind;
}

/** One part from `start` (its header block) to `end` (the start of the line that ends it). */
function part(b: Buffer, start: number, end: number, depth: number, open: Buffer[], headerLines?: { key: string; line: string }[]): Part {
  if (depth > MAX_DEPTH) decline();
  const block = headerBlock(b, start, end);
  const lines = headerLines ?? block.lines;
  const type = structured(contentHeader(lines, 'content-type') ?? 'text/plain');
  const disposition = contentHeader(lines, 'content-disposition');
  const encoding = (ENCODING.exec(contentHeader(lines, 'content-transfer-encoding') ?? '') ?? decline())[1]?.toLowerCase() ?? '';
  const p: Part = { type, disposition: disposition === undefined ? '' : structured(disposition).value, encoding, bodyStart: block.body, bodyEnd: end, children: [] };
  if (!type.value.startsWith('multipart/')) return p;
  if (!['multipart/mixed', 'multipart/signed', 'multipart/alternative'].includes(type.value)) decline();
  const boundary = Buffer.from(type.params.get('boundary') ?? decline(), 'latin1');
  if (boundary.length === 0 || open.some((o) => o.indexOf(boundary) === 0 || boundary.indexOf(o) === 0)) decline();
  const inner = [...open, boundary];
  let from = -1;
  for (let i = block.body; i < end; ) {
    const e = lineEnd(b, i, end);
    const kind = delimiter(b, i, e, boundary);
    if (kind !== 0) {
      if (from >= 0) p.children.push(part(b, from, i, depth + 1, inner));
      if (kind === 2) return p;
      from = e + 1;
    }
    i = e + 1;
  }
  return decline(); // no closing delimiter
}

interface Collected {
  /** Text entries per selector (a leaf, or the alternative it sits in), in postal-mime's textMap order. */
  text: Map<Part, { plain: string[]; html: number }>;
  attachments: TextAttachment[];
}

function content(b: Buffer, p: Part): Buffer {
  const body = b.subarray(p.bodyStart, p.bodyEnd);
  if (p.encoding === 'base64') return decodeBase64(body);
  if (p.encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** postal-mime's collectNode over the strict subset. */
function collect(b: Buffer, p: Part, alternative: Part | null, out: Collected): void {
  if (p.children.length > 0 || p.type.value.startsWith('multipart/')) {
    const alt = p.type.value === 'multipart/alternative' ? p : alternative;
    for (const c of p.children) collect(b, c, alt, out);
    return;
  }
  const type = p.type.value;
  if (type.startsWith('message/') || type === 'text/calendar' || type === 'application/ics') decline();
  if (p.disposition !== 'attachment' && (type === 'text/plain' || type === 'text/html')) {
    const selector = alternative ?? p;
    const entry = out.text.get(selector) ?? { plain: [], html: 0 };
    out.text.set(selector, entry);
    if (type === 'text/html') entry.html += 1;
    else entry.plain.push((plainBodyDecoder(p.type.params.get('charset')) ?? decline()).decode(content(b, p)));
    return;
  }
  if (type.startsWith('text/')) out.attachments.push({ filename: null, mimeType: type, text: normaliseNewlines(utf8.decode(content(b, p))) });
}

const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

function normaliseNewlines(text: string): string {
  return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text;
}

/** The row of a multipart message in the strict subset, or undefined for postal-mime to read. `b` has no mboxrd quoting. */
export function multipartRow(raw: Buffer, source: string, position: string): MessageRow | undefined {
  // decode.ts's header limit (postal-mime counts header bytes over all parts): larger messages go there.
  if (raw.length > MAX_HEADERS_BYTES || raw.indexOf(CR) >= 0 || raw.indexOf(0) >= 0) return undefined;
  // decode.ts hands postal-mime the message with format=flowed taken off its Content-Type lines.
  const b = raw.indexOf(FLOWED) >= 0 ? asBuffer(withoutFlowed(raw)) : raw;
  try {
    if (unknownCharsets(b).length > 0) return undefined;
    const top = headerBlock(b, 0, b.length);
    const root = part(b, 0, b.length, 0, [], top.lines);
    // A single part (a text/plain with a parameter plain-mail.ts does not know): postal-mime ends its last line.
    if (root.children.length === 0 && b[b.length - 1] !== LF) return undefined;
    const out: Collected = { text: new Map(), attachments: [] };
    collect(b, root, null, out);
    const texts: string[] = [];
    for (const entry of out.text.values()) {
      if (entry.plain.length === 0) return undefined; // an html-only part is rendered to text by postal-mime
      texts.push(...entry.plain);
    }
    if (texts.length === 0) return undefined;
    const headerLines = top.lines.filter((h) => ROW.has(h.key));
    const message = toRawMessage({ headerLines, text: texts.join('\n'), attachments: out.attachments }, NO_BYTES, { source, index: 0, offset: null });
    return toMessageRow(message, source, position);
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
