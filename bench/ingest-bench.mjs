#!/usr/bin/env node
// Ingest benchmark: on one generated mboxrd archive, in the same run,
//   1. `git mailsplit --mboxrd` (the reference splitter, written in C),
//   2. our iterateMessages (streaming: split + MIME decode, nothing kept),
//   3. our readInput (every message kept) and, when dist/series has it, buildSeriesSet.
// Each phase runs in its own child process so that its peak RSS is its own.
// Needs the compiled dist: run `npx tsc -p .` first.
//
//   node bench/ingest-bench.mjs [--mb 200]          # archive cached in bench/out/
//   node bench/ingest-bench.mjs --decoders [--runs 7] # postal-mime vs mailparser (docs/mime-decoder.md)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = parseArgs(process.argv.slice(2));
const MB = Number(args.mb ?? 200);
const archive = resolve(here, 'out', `archive-${MB}mb.mboxrd`);

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    out[argv[i].slice(2)] = next === undefined || next.startsWith('--') ? true : argv[++i];
  }
  return out;
}
const seconds = (t0) => Number(process.hrtime.bigint() - t0) / 1e9;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** One measured phase, run inside a child: prints a JSON line. */
async function phase(name) {
  const ingest = await import(join(root, 'dist/ingest/index.js'));
  const t0 = process.hrtime.bigint();
  let messages = 0;
  let skipped = 0;
  let series = null;
  if (name === 'iterate') {
    for await (const item of ingest.iterateMessages(archive, { mboxrd: true })) {
      if (item.kind === 'message') messages++;
      else skipped++;
    }
  } else {
    const result = await ingest.readInput(archive, { mboxrd: true });
    messages = result.messages.length;
    skipped = result.skipped.length;
    if (name === 'series') {
      const s = await import(join(root, 'dist/series/index.js'));
      const t1 = process.hrtime.bigint();
      const set = s.buildSeriesSet(result);
      series = { seconds: seconds(t1), series: set.series?.length ?? null };
    }
  }
  console.log(JSON.stringify({ phase: name, seconds: seconds(t0), messages, skipped, peakRssMb: peakRssMb(), series }));
}

function runChild(name) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', name, '--mb', String(MB)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) throw new Error(`phase ${name} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function gitMailsplit() {
  const out = mkdtempSync(join(tmpdir(), 'patchscope-mailsplit-'));
  try {
    const t0 = process.hrtime.bigint();
    const stdout = execFileSync('git', ['mailsplit', '--mboxrd', `-o${out}`, archive], { encoding: 'utf8' });
    return { phase: 'git mailsplit --mboxrd', seconds: seconds(t0), messages: Number(stdout.trim()) };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main() {
  if (args.phase) return phase(args.phase);
  if (args.decoders) {
    return compareDecoders(Number(args.runs ?? 7));
  }
  if (!existsSync(join(root, 'dist/ingest/index.js'))) throw new Error('dist/ingest missing: run `npx tsc -p .` first');
  if (!existsSync(archive)) {
    execFileSync(process.execPath, [join(here, 'gen-archive.mjs'), '--mb', String(MB)], { stdio: 'inherit' });
  }
  const bytes = statSync(archive).size;
  const git = gitMailsplit();
  const rows = [git, runChild('iterate'), runChild('read')];
  if (existsSync(join(root, 'dist/series/index.js'))) rows.push(runChild('series'));
  console.log(`archive: ${archive} (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
  for (const r of rows) {
    const mbps = bytes / 2 ** 20 / r.seconds;
    const ratio = r === git ? '' : `  ${(r.seconds / git.seconds).toFixed(1)}x git's time`;
    const rss = r.peakRssMb === undefined ? '' : `  peak RSS ${r.peakRssMb.toFixed(0)} MiB`;
    const series = r.series ? `  (buildSeriesSet ${r.series.seconds.toFixed(2)} s, ${r.series.series} series)` : '';
    console.log(
      `${r.phase.padEnd(24)} ${r.seconds.toFixed(2)} s  ${mbps.toFixed(1)} MiB/s  ${Math.round(r.messages / r.seconds)} msg/s  ${r.messages} msgs${r.skipped ? ` (+${r.skipped} skipped)` : ''}${rss}${ratio}${series}`,
    );
  }
}

// ---- decoder comparison (docs/mime-decoder.md) ----------------------------------------------

/** Every conformance message, split by our splitter, paired with git's mailinfo -k answer. */
async function conformanceMessages() {
  const { splitMbox } = await import(join(root, 'dist/ingest/mbox.js'));
  const out = [];
  for (const folder of ['git-t5100', 'b4-samples']) {
    const dir = resolve(root, '..', 'shared', 'conformance', folder);
    const files = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).files;
    for (const [file, expected] of Object.entries(files)) {
      let i = 0;
      async function* one() {
        yield readFileSync(join(dir, file));
      }
      for await (const slice of splitMbox(one())) out.push({ bytes: slice.bytes, want: expected.message_list[i++] });
    }
  }
  return out;
}

async function archiveMessages(limit) {
  const { splitMbox } = await import(join(root, 'dist/ingest/mbox.js'));
  const { createReadStream } = await import('node:fs');
  const out = [];
  for await (const slice of splitMbox(createReadStream(archive), { mboxrd: true })) {
    out.push(slice.bytes);
    if (out.length >= limit) break;
  }
  return out;
}

async function decoders() {
  const PostalMime = (await import('postal-mime')).default;
  const mailparser = await import('mailparser');
  const simpleParser = mailparser.simpleParser ?? mailparser.default.simpleParser;
  const ingest = await import(join(root, 'dist/ingest/index.js'));
  const origin = { source: 'bench', index: 1, offset: null };
  return {
    'postal-mime 4.0': async (b) => {
      const e = await PostalMime.parse(b);
      return { author: e.from?.name ?? null, email: e.from?.address ?? null, subject: e.subject ?? '' };
    },
    'mailparser 3.14': async (b) => {
      const e = await simpleParser(b, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
      const box = e.from?.value?.[0];
      return { author: box?.name ?? null, email: box?.address ?? null, subject: e.subject ?? '' };
    },
    'patchscope decodeMessage (postal-mime + plain fast path)': async (b) => {
      const m = await ingest.decodeMessage(b, origin);
      return { author: m.from?.name ?? null, email: m.from?.email ?? null, subject: m.subject };
    },
  };
}

async function throughput(decode, messages, runs) {
  const rates = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    for (const b of messages) await decode(b);
    rates.push(messages.length / seconds(t0));
  }
  return rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)];
}

async function compareDecoders(runs) {
  const conf = await conformanceMessages();
  if (!existsSync(archive)) execFileSync(process.execPath, [join(here, 'gen-archive.mjs'), '--mb', String(MB)], { stdio: 'inherit' });
  const real = await archiveMessages(3000);
  console.log(`conformance messages: ${conf.length}; archive sample: ${real.length} messages of ${archive}; runs: ${runs} (median)`);
  const all = await decoders();
  // Warm every decoder up first so that the first one measured does not pay for the JIT alone.
  for (const decode of Object.values(all)) for (const b of [...conf.map((c) => c.bytes), ...real.slice(0, 500)]) await decode(b);
  for (const [name, decode] of Object.entries(all)) {
    const agree = { author: 0, email: 0, subject: 0 };
    let failures = 0;
    for (const { bytes, want } of conf) {
      const got = await decode(bytes).catch(() => null);
      if (!got) failures++;
      if (got?.author === want.author) agree.author++;
      if (got?.email === want.email) agree.email++;
      if (got?.subject === (want.subject_k ?? '')) agree.subject++;
    }
    const confRate = await throughput(decode, conf.map((c) => c.bytes), runs);
    const realRate = await throughput(decode, real, runs);
    const pct = (n) => `${n}/${conf.length}`;
    console.log(
      `${name.padEnd(30)} author ${pct(agree.author)}  email ${pct(agree.email)}  subject ${pct(agree.subject)}  failures ${failures}  ` +
        `conformance ${Math.round(confRate)} msg/s  archive ${Math.round(realRate)} msg/s`,
    );
  }
}

await main();
