#!/usr/bin/env node
// Deterministic generator of a realistic mboxrd list archive for the ingest benchmark.
// Series with cover letters, patches with git-style diffs, replies that quote and add trailers,
// RFC 2047 names, some quoted-printable bodies, and body lines that need mboxrd `>From ` quoting.
// The same --mb and --seed always give the same bytes.
//
//   node bench/gen-archive.mjs [--mb 200] [--seed 1] [--out bench/out/archive-200mb.mboxrd]
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = parseArgs(process.argv.slice(2));
const MB = Number(args.mb ?? 200);
const SEED = Number(args.seed ?? 1);
const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(args.out ?? `${here}/out/archive-${MB}mb.mboxrd`);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) out[argv[i].slice(2)] = argv[++i];
  return out;
}

// mulberry32: small, fast, deterministic.
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const PEOPLE = [
  ['Jason Gunthorpe', 'jgg@nvidia.com'],
  ['Christian König', 'christian.koenig@amd.com'],
  ['Baolu Lu', 'baolu.lu@linux.intel.com'],
  ['Vivek Kasireddy', 'vivek.kasireddy@intel.com'],
  ['Leon Romanovsky', 'leonro@nvidia.com'],
  ['Kevin Tian', 'kevin.tian@intel.com'],
  ['Simona Vetter', 'simona.vetter@ffwll.ch'],
  ['Thomas Hellström', 'thomas.hellstrom@linux.intel.com'],
  ['Sumit Semwal', 'sumit.semwal@linaro.org'],
  ['Matthew Brost', 'matthew.brost@intel.com'],
];
const SUBSYS = ['dma-buf', 'drm/xe', 'drm/amdgpu', 'vfio/pci', 'iommufd', 'iio: buffer', 'accel/habanalabs', 'drm/vmwgfx'];
const VERBS = ['Add', 'Convert', 'Remove', 'Rename', 'Fix', 'Use', 'Support', 'Introduce'];
const NOUNS = ['mapping types', 'the SGT path', 'physical address lists', 'move_notify handling', 'the attach helper', 'P2P checks', 'revoke support', 'kunit tests'];
const FILES = ['drivers/dma-buf/dma-buf.c', 'drivers/dma-buf/dma-buf-mapping.c', 'include/linux/dma-buf.h', 'drivers/vfio/pci/vfio_pci_dmabuf.c', 'drivers/iommu/iommufd/pages.c', 'drivers/gpu/drm/xe/xe_dma_buf.c', 'drivers/gpu/drm/amd/amdgpu/amdgpu_dma_buf.c'];
const WORDS = 'the exporter importer mapping attach detach buffer range list device domain type match callback core lock reservation page table address move notify revoke unmap map entry array'.split(' ');

/** An RFC 2047 Q-encoded display name when it is not ASCII, as mailers write it. */
function displayName(name) {
  if (/^[\x20-\x7e]*$/.test(name)) return name;
  const q = [...Buffer.from(name, 'utf8')].map((b) => (b >= 0x30 && b <= 0x7a && b !== 0x3d && b !== 0x3f && b !== 0x5f ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  return `=?UTF-8?Q?${q}?=`;
}
const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
const paragraph = () => Array.from({ length: int(2, 6) }, () => sentence(int(8, 12))).join('\n') + '\n';

let clock = Date.UTC(2024, 0, 1);
function headers({ from, subject, id, inReplyTo, refs, qp }) {
  clock += int(1, 600) * 1000;
  const lines = [
    `From: ${displayName(from[0])} <${from[1]}>`,
    `To: dri-devel@lists.freedesktop.org`,
    `Cc: ${PEOPLE.slice(0, int(2, 6)).map((p) => `${displayName(p[0])} <${p[1]}>`).join(',\n\t')}`,
    `Subject: ${subject}`,
    `Date: ${new Date(clock).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: <${id}>`,
  ];
  if (inReplyTo) lines.push(`In-Reply-To: <${inReplyTo}>`, `References: ${refs.map((r) => `<${r}>`).join('\n ')}`);
  lines.push('MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8');
  lines.push(`Content-Transfer-Encoding: ${qp ? 'quoted-printable' : '8bit'}`);
  return lines.join('\n') + '\n\n';
}

function diff() {
  const out = [];
  for (let f = 0; f < int(1, 3); f++) {
    const file = pick(FILES);
    const start = int(10, 2000);
    out.push(`diff --git a/${file} b/${file}`, `index ${hex(7)}..${hex(7)} 100644`, `--- a/${file}`, `+++ b/${file}`);
    for (let h = 0; h < int(1, 4); h++) {
      const ctx = int(2, 3), del = int(0, 8), add = int(1, 12);
      out.push(`@@ -${start + h * 40},${ctx * 2 + del} +${start + h * 40},${ctx * 2 + add} @@ static int ${pick(WORDS)}_${pick(WORDS)}(struct dma_buf *dmabuf)`);
      for (let i = 0; i < ctx; i++) out.push(` \t${pick(WORDS)}_${pick(WORDS)}(attach);`);
      for (let i = 0; i < del; i++) out.push(`-\tret = dma_buf_${pick(WORDS)}(attach, ${pick(WORDS)});`);
      for (let i = 0; i < add; i++) out.push(`+\tret = dma_buf_${pick(WORDS)}_${pick(WORDS)}(attach, ${pick(WORDS)});`);
      for (let i = 0; i < ctx; i++) out.push(` \treturn ${pick(WORDS)};`);
    }
  }
  return out.join('\n') + '\n';
}
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');

/** Quoted-printable (RFC 2045 §6.7) with soft breaks at 76 columns. */
function qpEncode(text) {
  return text.split('\n').map((line) => {
    const enc = [...Buffer.from(line, 'utf8')].map((b) => (b === 0x3d || b > 0x7e ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
    const parts = [];
    for (let i = 0; i < enc.length; ) {
      let end = Math.min(i + 75, enc.length);
      if (end < enc.length && enc.lastIndexOf('=', end - 1) > end - 3) end = enc.lastIndexOf('=', end - 1);
      parts.push(enc.slice(i, end));
      i = end;
    }
    return parts.join('=\n');
  }).join('\n');
}

/** mboxrd: every `>*From ` line gains one `>`, then the separator starts the message. */
function mboxrd(msg) {
  return `From mboxrd@z Thu Jan  1 00:00:00 1970\n${msg.replace(/^(>*From )/gm, '>$1')}\n`;
}

function* series(n) {
  const author = pick(PEOPLE);
  const count = int(1, 26);
  const tag = `${n}-v1-${hex(12)}+${hex(5)}-bench_${author[1].split('@')[0]}@${author[1].split('@')[1]}`;
  const idOf = (i) => `${i}-${tag}`;
  const pad = (i) => String(i).padStart(String(count).length, '0');
  const topic = `${pick(VERBS)} ${pick(NOUNS)}`;
  yield headers({ from: author, subject: `[PATCH v${int(1, 4)} ${pad(0)}/${count}] ${pick(SUBSYS)}: ${topic}`, id: idOf(0) }) +
    paragraph() + '\nFrom the cover letter: a line that needs mboxrd quoting.\n\n' + `base-commit: ${hex(40)}\n`;
  for (let i = 1; i <= count; i++) {
    const qp = rand() < 0.15;
    const body = `${paragraph()}\nSigned-off-by: ${author[0]} <${author[1]}>\n---\n${diff()}--\n2.43.0\n`;
    yield headers({ from: author, subject: `[PATCH ${pad(i)}/${count}] ${pick(SUBSYS)}: ${pick(VERBS)} ${pick(NOUNS)}`, id: idOf(i), inReplyTo: idOf(0), refs: [idOf(0)], qp }) +
      (qp ? qpEncode(body) : body);
    for (let r = 0; r < (rand() < 0.4 ? int(1, 3) : 0); r++) {
      const who = pick(PEOPLE);
      const quoted = paragraph().split('\n').map((l) => `> ${l}`).join('\n');
      yield headers({ from: who, subject: `Re: [PATCH ${pad(i)}/${count}] ${topic}`, id: `r${r}.${idOf(i)}`, inReplyTo: idOf(i), refs: [idOf(0), idOf(i)] }) +
        `On ${new Date(clock).toUTCString()}, ${author[0]} wrote:\n${quoted}\n${paragraph()}` +
        (rand() < 0.2 ? 'From my side this is fine.\n>From an older mbox, already quoted once.\n' : '') + `\n${pick(['Reviewed-by', 'Acked-by', 'Tested-by'])}: ${who[0]} <${who[1]}>\n`;
    }
  }
}

mkdirSync(dirname(OUT), { recursive: true });
const fd = openSync(OUT, 'w');
const target = MB * 1024 * 1024;
let written = 0, messages = 0, n = 0, pending = [];
while (written < target) {
  for (const msg of series(n++)) {
    const bytes = Buffer.from(mboxrd(msg), 'utf8');
    pending.push(bytes);
    written += bytes.length;
    messages++;
  }
  if (pending.length > 512) {
    writeSync(fd, Buffer.concat(pending));
    pending = [];
  }
}
writeSync(fd, Buffer.concat(pending));
closeSync(fd);
console.log(JSON.stringify({ out: OUT, bytes: written, messages, series: n, seed: SEED }));
