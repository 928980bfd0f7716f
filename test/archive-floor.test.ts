// bench/archive-floor.mjs measures the rungs below `index` (issue 18). Its figures mean something only if its
// `--stage rows` does the index's own row work and every stage reads every message: checked here on the 150 real
// corpus threads as one archive, against `patchscope index` run by the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { openIndex } from '../src/archive/index.js';
import { describeShared, sharedPath, REPO_ROOT } from './support/shared.js';
import { runCli } from './support/cli.js';

const FLOOR = resolve(REPO_ROOT, 'bench', 'archive-floor.mjs');
const COLUMNS = 'position, msgid, in_reply_to, refs, subject, from_name, from_email, date, kind, has_diff, has_diffstat, change_id';

/** The messages table without row and source ids (they depend on insertion order only), in file order. */
function messages(db: string): unknown[] {
  const d = openIndex(db, 'probe');
  try {
    return d.prepare(`SELECT ${COLUMNS} FROM messages ORDER BY CAST(position AS INTEGER)`).all();
  } finally {
    d.close();
  }
}

function floorRun(archive: string, db: string, stage: string): { messages: number; diffs: number } {
  const r = spawnSync(process.execPath, [FLOOR, archive, db, '--stage', stage], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const m = /messages (\d+), with a diff (\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { messages: Number(m![1]), diffs: Number(m![2]) };
}

describeShared('the floor bench against index, on the real corpus', ['corpus', 'linaro-mm-sig', 'threads'], () => {
  it("--stage rows writes index's own rows; every stage reads every message", () => {
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-floor-'));
    const threadsDir = sharedPath('corpus', 'linaro-mm-sig', 'threads');
    const archive = join(dir, 'all.mboxrd');
    writeFileSync(archive, Buffer.concat(readdirSync(threadsDir).sort().map((t) => readFileSync(join(threadsDir, t, 'thread.mbox')))));

    const indexDb = join(dir, 'index.sqlite');
    const r = runCli(['index', archive, '--db', indexDb, '--quiet']);
    expect(r.code, r.err).toBe(0);
    const expected = messages(indexDb);
    expect(expected.length).toBeGreaterThan(1000);

    const rows = floorRun(archive, join(dir, 'rows.sqlite'), 'rows');
    expect(messages(join(dir, 'rows.sqlite'))).toEqual(expected);
    expect(rows.messages).toBe(expected.length);
    expect(rows.diffs).toBe((expected as { has_diff: number }[]).filter((m) => m.has_diff === 1).length);

    // The cheapest rung reads every message too, and finds about as many diffs (it searches bytes: no QP, no charset).
    const floor = floorRun(archive, join(dir, 'floor.sqlite'), 'floor');
    expect(floor.messages).toBe(expected.length);
    expect(Math.abs(floor.diffs - rows.diffs)).toBeLessThan(rows.diffs * 0.05);
    expect(floorRun(archive, join(dir, 'split.sqlite'), 'split').messages).toBe(expected.length);
  });
});
