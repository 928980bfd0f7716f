/**
 * The multipart mail a list archive is full of, read without postal-mime: a list's footer part after
 * the sender's text, a PGP-signed text, a text/plain + text/html alternative, a patch attached as text.
 * postal-mime 4 finalizes every part through `new Blob(chunks).arrayBuffer()`, and on a real archive
 * that Blob path and its line-by-line node feeding cost a fifth of `show`. The walk follows postal-mime
 * 4's reading (mime-node.ts, postal-mime.ts: header lines, boundaries, part content line by line, which
 * parts are body text and in which order they are joined, attachment names) only for a strict subset:
 * LF line ends, plain header lines, Content-Type and Content-Disposition parameters that are tokens or
 * simple quoted strings (no RFC 2231 sections), any multipart but digest with a closing delimiter,
 * leaves that are text/plain in a charset TextDecoder knows, text/html inside an alternative that also
 * has text/plain, other text/* or non-text attachments. A single part whose Content-Type plain-mail.ts
 * declines (an extra parameter) is read the same way. Anything else returns undefined and goes to
 * postal-mime. mime-walk.test.ts compares the RawMessages with postal-mime's on the real corpus and on
 * odd samples; the archive's index rows for such mail come from here too (archive/quick-multipart.ts).
 */
import { normaliseNewlines } from './git-mailinfo.js';
import { decoderFor, linesBeforeBody, type ParsedParts } from './plain-mail.js';
import { postalMime, MAX_HEADERS_BYTES } from './postal-mime.js';
import { decodeBase64, decodeQuotedPrintable } from './transfer-decoding.js';
import type { TextAttachment } from './types.js';

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const MAX_DEPTH = 8;
/** Headers: UTF-8 with the BOM kept, as postal-mime reads raw (RFC 6532) header bytes. */
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** postal-mime's `attachmentEncoding: 'utf8'` decoder (BOM dropped, bad bytes replaced). */
const utf8 = new TextDecoder('utf-8');

/** `type/subtype` and `; name=value` parameters, values tokens or quoted strings without `\`, `;` or `(`. */
const STRUCTURED = /^([A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+|[A-Za-z]+)[ \t]*((?:;[ \t]*[A-Za-z0-9_-]+[ \t]*=[ \t]*(?:"[^"\\();]*"|[^\s"\\();=]+)[ \t]*)*);?[ \t]*$/;
const PARAM = /;[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"]*)"|([^\s";]+))/g;
const ENCODING = /^(7bit|8bit|binary|base64|quoted-printable)?$/i;

/** A message as the walk reads it: what decode.ts needs from a parser. */
export interface WalkedMail extends ParsedParts {
  attachments: TextAttachment[];
}

type HeaderLine = { key: string; line: string };

interface Structured {
  value: string;
  params: Map<string, string>;
}

interface Part {
  type: Structured;
  disposition: Structured;
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

const NO_DISPOSITION: Structured = { value: '', params: new Map() };

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

/**
 * A header block from `start`: raw lines (folds joined by `\n`) with lower-case keys, as postal-mime's
 * rawHeaderLines (email.headerLines for the top block), and where the body starts.
 */
function headerBlock(b: Buffer, start: number, end: number): { lines: HeaderLine[]; body: number } {
  const lines: HeaderLine[] = [];
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
function contentHeader(lines: HeaderLine[], key: string): string | undefined {
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

/** One part whose header block is `lines` and whose body runs from `bodyStart` to `end` (the start of the line that ends it). */
function part(b: Buffer, lines: HeaderLine[], bodyStart: number, end: number, depth: number, open: Buffer[]): Part {
  if (depth > MAX_DEPTH) decline();
  const type = structured(contentHeader(lines, 'content-type') ?? 'text/plain');
  const disposition = contentHeader(lines, 'content-disposition');
  const encoding = (ENCODING.exec(contentHeader(lines, 'content-transfer-encoding') ?? '') ?? decline())[1]?.toLowerCase() ?? '';
  const p: Part = { type, disposition: disposition === undefined ? NO_DISPOSITION : structured(disposition), encoding, bodyStart, bodyEnd: end, children: [] };
  if (!type.value.startsWith('multipart/')) return p;
  // A digest's parts default to message/rfc822, which postal-mime parses as a message of its own.
  if (type.value === 'multipart/digest') decline();
  const boundary = Buffer.from(type.params.get('boundary') ?? decline(), 'latin1');
  if (boundary.length === 0 || open.some((o) => o.indexOf(boundary) === 0 || boundary.indexOf(o) === 0)) decline();
  const inner = [...open, boundary];
  let from = -1;
  for (let i = bodyStart; i < end; ) {
    const e = lineEnd(b, i, end);
    const kind = delimiter(b, i, e, boundary);
    if (kind !== 0) {
      if (from >= 0) {
        const block = headerBlock(b, from, i);
        p.children.push(part(b, block.lines, block.body, i, depth + 1, inner));
      }
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

/** postal-mime's collectAttachment filename: the disposition's filename, else the type's name, encoded words decoded. */
function filenameOf(p: Part): string | null {
  const name = p.disposition.params.get('filename') || p.type.params.get('name') || null;
  return name !== null && name.includes('=?') ? postalMime().decodeWords(name) : name;
}

/** postal-mime's collectNode over the strict subset. */
function collect(b: Buffer, p: Part, alternative: Part | null, out: Collected): void {
  if (p.type.value.startsWith('multipart/')) {
    const alt = p.type.value === 'multipart/alternative' ? p : alternative;
    for (const c of p.children) collect(b, c, alt, out);
    return;
  }
  const type = p.type.value;
  if (type.startsWith('message/') || type === 'text/calendar' || type === 'application/ics') decline();
  if (p.disposition.value !== 'attachment' && (type === 'text/plain' || type === 'text/html')) {
    const selector = alternative ?? p;
    const entry = out.text.get(selector) ?? { plain: [], html: 0 };
    out.text.set(selector, entry);
    if (type === 'text/html') entry.html += 1;
    else {
      // decode.ts takes format=flowed off before parsing; one left here would be unfolded by postal-mime.
      if (/^flowed$/i.test(p.type.params.get('format') ?? '')) decline();
      entry.plain.push((decoderFor(p.type.params.get('charset')) ?? decline()).decode(content(b, p)));
    }
    return;
  }
  if (type.startsWith('text/')) out.attachments.push({ filename: filenameOf(p), mimeType: type, text: normaliseNewlines(utf8.decode(content(b, p))) });
}

const asBuffer = (u: Uint8Array): Buffer => (Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength));

/**
 * A message in the strict subset read as postal-mime reads it (header lines, body text, text attachments,
 * bodyOffsetLines as decode.ts's MIME path counts them), or undefined for postal-mime to read. `bytes` is
 * the message as decode.ts hands it to a parser (no mboxrd quoting, format=flowed taken off).
 */
export function walkMime(bytes: Uint8Array): WalkedMail | undefined {
  const b = asBuffer(bytes);
  // postal-mime's header limit counts header bytes over all parts: larger messages go there.
  if (b.length === 0 || b.length > MAX_HEADERS_BYTES || b.indexOf(CR) >= 0 || b.indexOf(0) >= 0) return undefined;
  try {
    const top = headerBlock(b, 0, b.length);
    const root = part(b, top.lines, top.body, b.length, 0, []);
    // A single part: postal-mime ends its last line, which the bytes may not.
    if (!root.type.value.startsWith('multipart/') && b[b.length - 1] !== LF) return undefined;
    const out: Collected = { text: new Map(), attachments: [] };
    collect(b, root, null, out);
    const texts: string[] = [];
    for (const entry of out.text.values()) {
      if (entry.plain.length === 0) return undefined; // an html-only part is rendered to text by postal-mime
      texts.push(...entry.plain);
    }
    const parsed: WalkedMail = { headerLines: top.lines, text: normaliseNewlines(texts.join('\n')), attachments: out.attachments };
    const bodyOffsetLines = linesBeforeBody(b);
    if (bodyOffsetLines !== undefined) parsed.bodyOffsetLines = bodyOffsetLines;
    return parsed;
  } catch (e) {
    if (e instanceof Decline) return undefined;
    throw e;
  }
}
