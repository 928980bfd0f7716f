#!/usr/bin/env node
// Fetch benchmark: open the bundled 39-message RFC thread by its Message-ID from a real public-inbox
// server on loopback (public-inbox-httpd, the inbox seeded with public-inbox-mda), whole process, in
// the same run as the baseline `b4 am` against the same server (b4.midmask pointing at it).
//   1. b4 --no-... am -C -o DIR MSGID        (b4's fetch + split + am-ready mbox; its cache off)
//   2. patchscope am MSGID -o FILE --no-cache  (fetch + parse + am-ready mbox, as b4 am)
//   3. patchscope show MSGID --no-cache        (fetch + parse + series view)
// Each is run --runs times (default 7), alternating; medians reported, and the ratio to b4.
// The inbox is seeded once into bench/out/public-inbox/ (public-inbox-mda takes ~1 s a message here).
//
//   node bench/fetch-bench.mjs [--runs 7]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSeeded, mboxMessages, publicInboxMissing, seedInbox, startHttpd } from '../test/support/public-inbox.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 7;
const MID = '0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com';
const NAME = 'bench';

const missing = publicInboxMissing() ?? (spawnSync('sh', ['-c', 'command -v b4']).status !== 0 ? 'b4 not found (Debian package b4)' : null);
if (missing) {
  console.log(`fetch bench skipped: ${missing}`);
  process.exit(0);
}

const inboxDir = join(here, 'out', 'public-inbox');
if (!isSeeded(inboxDir)) {
  rmSync(inboxDir, { recursive: true, force: true });
  mkdirSync(inboxDir, { recursive: true });
  const msgs = mboxMessages(join(root, 'fixtures/dmabuf-mapping-types/series.mbox'));
  process.stderr.write(`seeding ${msgs.length} messages with public-inbox-mda (once; kept in bench/out/public-inbox)...\n`);
  seedInbox(inboxDir, NAME, msgs);
}
const server = await startHttpd(join(inboxDir, 'home'), NAME);
const work = mkdtempSync(join(tmpdir(), 'patchscope-fetch-bench-'));
try {
  // b4 needs a git identity and reads its server from b4.midmask; patchscope reads b4.midmask too,
  // but is given --server so that both are told the same thing explicitly.
  const home = join(work, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Bench\n\temail = bench@example.org\n[b4]\n\tmidmask = ${server.inbox}%s\n`);
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(work, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };
  const patchscope = join(root, 'bin/patchscope');
  const cases = {
    'b4 am': (i) => {
      const out = join(work, `b4-${i}`);
      mkdirSync(out);
      return ['b4', ['--no-stdin', 'am', '-C', '-o', out, MID]];
    },
    'patchscope am': (i) => [process.execPath, [patchscope, 'am', `<${MID}>`, '-o', join(work, `ps-${i}.mbx`), '--no-cache', '--server', server.inbox, '-q']],
    'patchscope show': () => [process.execPath, [patchscope, 'show', `<${MID}>`, '--no-cache', '--server', server.inbox, '-q']],
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let i = 0; i < RUNS + 1; i++) {
    for (const [name, make] of Object.entries(cases)) {
      const [cmd, args] = make(i);
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.status !== 0) throw new Error(`${name} failed (${r.status}): ${r.stderr}`);
      if (i > 0) times[name].push(s); // run 0 warms the server and the page cache
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = median(times['b4 am']);
  console.log(`thread: 39 messages from ${server.inbox} (public-inbox-httpd), ${RUNS} runs each, medians`);
  for (const [name, xs] of Object.entries(times)) {
    const m = median(xs);
    console.log(`  ${name.padEnd(16)} ${m.toFixed(3)} s   ${(m / base).toFixed(2)}x b4 am${name === 'b4 am' ? ' (baseline)' : ''}`);
  }
  if (!existsSync(join(work, 'ps-1.mbx'))) throw new Error('patchscope am wrote no mbox');
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
