/**
 * Mutations of mail bytes for the fuzzer. Each is a pure function of the input and two integers
 * that fast-check draws (`at`, `n`), so a failing run shrinks and replays exactly from its seed.
 * The list follows issue 7: byte flips, truncations, header duplication, giant headers, deep MIME
 * nesting, base64/QP garbage, NULs, invalid UTF-8, CR-only line ends, random subject prefixes,
 * diffs with wrong hunk counts; plus splicing two inputs and wrapping in (cut) gzip.
 */
import { gzipSync } from 'node:zlib';

export interface Mutation {
  op: MutationName;
  at: number;
  n: number;
}

type Mutator = (b: Buffer, at: number, n: number) => Buffer;

const latin1 = (b: Buffer): string => b.toString('latin1');
const bytes = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Insert `piece` at byte `at % (len+1)`. */
function insertAt(b: Buffer, at: number, piece: Buffer): Buffer {
  const i = at % (b.length + 1);
  return Buffer.concat([b.subarray(0, i), piece, b.subarray(i)]);
}

/** Replace the `k`-th match (mod count) of `re` in the text with `to(match)`; the input if none. */
function replaceNth(b: Buffer, re: RegExp, k: number, to: (m: RegExpExecArray) => string): Buffer {
  const text = latin1(b);
  const all = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))];
  if (all.length === 0) return b;
  const m = all[k % all.length] as RegExpExecArray;
  return bytes(text.slice(0, m.index) + to(m) + text.slice(m.index + m[0].length));
}

const HEADER = /^[A-Za-z-]+:[^\n]*\n/m;
const SUBJECT_PREFIX = /^Subject: *(\[[^\]\n]*\])?/m;
const HUNK = /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/m;
const BODY_START = /\n\r?\n/;

const PREFIXES = [
  '[PATCH]', '[PATCH 0/0]', '[PATCH 5/3]', '[PATCH -1/2]', '[PATCH v0 1/1]', '[PATCH v99999999999999999999 01/26]',
  '[PATCH 1/99999999999]', '[[[[PATCH', '[PATCH RFC RESEND v2 3/2 ]', 'Re: Re: [PATCH 1/2]', '[PATCH 1/2]]]]', '[]',
  '[PATCH\u00a01/2]', '[PATCH 1/2][PATCH 2/2]', 'AW: [PATCH 01/26]', '[PATCH v2 0x1/0x2]', '[PATCH 1/-0]',
].map((p) => Buffer.from(p, 'utf8').toString('latin1'));

const GARBAGE = ['=ZZ', '=\n=', '====', '=?utf-8?b?!!!?=', '=?x?q?=FF=?=', '\u00ff\u00fe', 'A===', '%%%%'];

/** Nest the first message's body `depth` multipart levels deep (the headers stay where they are). */
function wrapMime(b: Buffer, depth: number): Buffer {
  let open = '';
  let close = '';
  for (let d = 0; d < depth; d++) {
    open += `Content-Type: multipart/mixed; boundary="b${d}"\n\n--b${d}\n`;
    close = `\n--b${d}--\n${close}`;
  }
  const text = latin1(b);
  const body = BODY_START.exec(text);
  const cut = body ? body.index + 1 : 0;
  return bytes(`${text.slice(0, cut)}MIME-Version: 1.0\n${open}Content-Type: text/plain\n\n${text.slice(cut)}${close}`);
}

export const MUTATORS = {
  flipBytes: (b, at, n) => {
    const out = Buffer.from(b);
    for (let k = 0; k < 1 + (n % 16) && out.length; k++) {
      const i = (at + k * 7919) % out.length;
      out[i] = out[i]! ^ (1 << ((n + k) % 8));
    }
    return out;
  },
  truncate: (b, at) => b.subarray(0, at % (b.length + 1)),
  duplicateHeader: (b, at, n) => replaceNth(b, HEADER, at, (m) => m[0].repeat(2 + (n % 500))),
  giantHeader: (b, at, n) => insertAt(b, at % 64, bytes(`X-Giant: ${'a '.repeat(50_000 + (n % 100_000))}\n`)),
  giantSubject: (b, at, n) => replaceNth(b, /^Subject: /m, at, () => `Subject: ${'[[[['.repeat(5_000 + (n % 20_000))} `),
  deepMime: (b, _at, n) => wrapMime(b, 1 + (n % 300)),
  base64Garbage: (b, at, n) =>
    replaceNth(b, BODY_START, 0, () => `\nContent-Transfer-Encoding: base64\n\n${GARBAGE[n % GARBAGE.length]!.repeat(1 + (at % 64))}\n`),
  qpGarbage: (b, at, n) =>
    insertAt(replaceNth(b, BODY_START, 0, () => '\nContent-Transfer-Encoding: quoted-printable\n\n'), at, bytes(GARBAGE[n % GARBAGE.length]!)),
  insertNuls: (b, at, n) => insertAt(b, at, Buffer.alloc(1 + (n % 64))),
  invalidUtf8: (b, at, n) => insertAt(b, at, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x80, 0xed, 0xa0, 0x80].slice(n % 5))),
  crOnly: (b) => bytes(latin1(b).replace(/\r?\n/g, '\r')),
  crlf: (b) => bytes(latin1(b).replace(/\r?\n/g, '\r\n')),
  subjectPrefix: (b, at, n) => replaceNth(b, SUBJECT_PREFIX, at, () => `Subject: ${PREFIXES[n % PREFIXES.length]}`),
  hunkCounts: (b, at, n) => replaceNth(b, HUNK, at, () => `@@ -${n % 7},${(n * 31) % 100000} +${at % 5},${n % 3} @@`),
  dropBlankLine: (b, at) => replaceNth(b, BODY_START, at, () => '\n'),
  duplicateMessage: (b, at) => {
    const text = latin1(b);
    const cut = text.indexOf('\nFrom ', at % (text.length + 1));
    return cut < 0 ? Buffer.concat([b, b]) : Buffer.concat([b, bytes(text.slice(cut + 1))]);
  },
  splice: (b, at, n) => Buffer.concat([b.subarray(0, at % (b.length + 1)), b.subarray(n % (b.length + 1))]),
  gzip: (b, at, n) => {
    const z = gzipSync(b);
    return n % 3 === 0 ? z.subarray(0, 2 + (at % Math.max(z.length - 1, 1))) : z;
  },
} satisfies Record<string, Mutator>;

export type MutationName = keyof typeof MUTATORS;
export const MUTATION_NAMES = Object.keys(MUTATORS) as MutationName[];

/** Apply mutations in order; gzip only makes sense last, so a gzip in the middle is skipped. */
export function mutate(seed: Buffer, steps: readonly Mutation[]): Buffer {
  let b = seed;
  steps.forEach((s, i) => {
    if (s.op === 'gzip' && i !== steps.length - 1) return;
    b = MUTATORS[s.op](b, s.at, s.n);
  });
  return b;
}

export function describeMutations(steps: readonly Mutation[]): string {
  return steps.map((s) => `${s.op}(${s.at},${s.n})`).join(' ');
}
