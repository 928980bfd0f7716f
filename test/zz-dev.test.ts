import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { latestVersion } from '../src/series/index.js';
import { threadNames, readExpected, runThread, compareThread, type Difference } from './support/b4-corpus.js';
it('all', async () => {
  const only = process.env.THREADS?.split(',');
  const all: Difference[] = [];
  for (const t of threadNames()) {
    if (only && !only.includes(t)) continue;
    const run = await runThread(t, (set) => latestVersion(set.series)!);
    all.push(...compareThread(t, readExpected(t), run));
  }
  for (const d of all) console.log(`${d.thread} #${d.patch} ${d.field}\n  ours:    ${d.ours.slice(0, 300)}\n  correct: ${d.correct.slice(0, 300)}`);
  writeFileSync('/tmp/am-dev/diffs.json', JSON.stringify(all, null, 1));
}, 600000);
