#!/usr/bin/env node
// Field check of version lookup on real list traffic: the cover and patch 1 of every series in
// ../shared/corpus/linaro-mm-sig (150 real threads) are delivered to a local public-inbox (-V2 -L full,
// public-inbox-mda), then for each series both tools are asked whether the server holds a newer version:
//   b4 0.12: `b4 -d am -c MSGID` (its "Added from vN" lines: the newer revisions it found)
//   patchscope: `patchscope show MSGID` (its "holds a newer version of this series: vN" line)
// and the answers compared series by series. Slow (public-inbox-mda takes ~1 s a message here);
// the seeded inbox is kept in bench/out/field-inbox/. Needs dist/ (npx tsc -p .), public-inbox and b4.
//
//   node scripts/field-versions.mjs [--limit N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isSeeded, mboxMessages, publicInboxMissing, seedInbox, startHttpd } from '../test/support/public-inbox.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(root, '../shared/corpus/linaro-mm-sig/threads');
const limitAt = process.argv.indexOf('--limit');
const LIMIT = limitAt >= 0 ? Number(process.argv[limitAt + 1]) : Infinity;
const missing = publicInboxMissing();
if (missing || !existsSync(corpus)) {
  console.log(`field-versions skipped: ${missing ?? `${corpus} not found`}`);
  process.exit(0);
}
const ingest = await import(join(root, 'dist/ingest/index.js'));
const series = await import(join(root, 'dist/series/index.js'));

// The opening messages (cover, else patch 1) of every series of every thread, raw, by Message-ID.
const openers = [];
for (const t of readdirSync(corpus).sort()) {
  const path = join(corpus, t, 'thread.mbox');
  const set = series.buildSeriesSet([await ingest.readInput(path, { mboxrd: true })]);
  const wanted = new Map();
  for (const s of set.series) {
    const p1 = s.patches.find((p) => p.index === 1);
    const first = s.cover?.messageId ?? p1?.messageId;
    if (!first) continue;
    for (const id of [s.cover?.messageId, p1?.messageId]) if (id) wanted.set(id, first);
  }
  const raw = mboxMessages(path).map((m) => m.toString('latin1').replace(/^>(>*From )/gm, '$1'));
  for (const m of raw) {
    const id = /^Message-I[dD]:\s*<([^>]+)>/m.exec(m)?.[1];
    if (id && wanted.has(id)) openers.push({ thread: t, id, opens: wanted.get(id) === id, bytes: Buffer.from(m, 'latin1') });
  }
}
const chosen = openers.slice(0, LIMIT === Infinity ? openers.length : LIMIT * 2);
const dir = join(root, 'bench', 'out', 'field-inbox');
if (!isSeeded(dir)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`seeding ${chosen.length} messages (covers and patch 1 of every series)...\n`);
  seedInbox(dir, 'field', chosen.map((o) => o.bytes));
}
const server = await startHttpd(join(dir, 'home'), 'field');
const work = mkdtempSync(join(tmpdir(), 'patchscope-field-'));
try {
  const home = join(work, 'home');
  mkdirSync(home);
  writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = F\n\temail = f@example.org\n[b4]\n\tmidmask = ${server.inbox}%s\n\tsearchmask = ${server.inbox}?x=m&t=1&q=%s\n`);
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: join(work, 'cache'), GIT_CONFIG_NOSYSTEM: '1' };
  let same = 0;
  const differ = [];
  const firsts = chosen.filter((o) => o.opens);
  for (const [i, o] of firsts.entries()) {
    const out = join(work, `b4-${i}`);
    mkdirSync(out);
    const b4 = spawnSync('b4', ['-d', '--no-stdin', 'am', '-c', '-o', out, o.id], { env, encoding: 'utf8' });
    const b4Newer = Math.max(0, ...[...b4.stderr.matchAll(/Added from v(\d+)/g)].map((m) => Number(m[1])));
    const ps = spawnSync(process.execPath, [join(root, 'bin/patchscope'), 'show', `<${o.id}>`, '--server', server.inbox], { env, encoding: 'utf8' });
    const psNewer = Number(/holds a newer version of this series: v(\d+)/.exec(ps.stderr)?.[1] ?? 0);
    if (b4Newer === psNewer) same++;
    else differ.push(`${o.thread} <${o.id}>: b4 ${b4Newer ? `v${b4Newer}` : 'none'}, patchscope ${psNewer ? `v${psNewer}` : 'none'}${ps.status !== 0 ? ` (exit ${ps.status}: ${ps.stderr.trim().split('\n').at(-1)})` : ''}`);
  }
  console.log(`${firsts.length} series (${chosen.length} messages seeded): same answer ${same}, different ${differ.length}`);
  for (const d of differ) console.log(`  ${d}`);
} finally {
  server.stop();
  rmSync(work, { recursive: true, force: true });
}
