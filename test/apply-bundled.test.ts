// The bundled series against its miniature tree: applies in order, bisectable at every patch,
// splittable at the end of the seed's step 1. Broken variants are generated here from the
// bundled mbox by string edits (never hand-edited copies), and each must be caught at the
// patch, file and line the edit implies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeSeries, type SeriesAnalysis } from '../src/analysis/deps/index.js';
import { loadSeriesSet } from '../src/series/index.js';
import type { PatchSeries } from '../src/series/types.js';

const FIXTURE = resolve(__dirname, '..', 'fixtures/dmabuf-mapping-types');
const MBOX = join(FIXTURE, 'series.mbox');
const BASE = { kind: 'dir' as const, path: join(FIXTURE, 'base') };
const scratch = mkdtempSync(join(tmpdir(), 'patchscope-bundled-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pad = (n: number): string => String(n).padStart(2, '0');
const counter = (n: number): string => `[PATCH RFC ${pad(n)}/26]`;

/** The messages of an mbox, each starting with its `From ` separator line. */
function splitMbox(text: string): string[] {
  return text.split(/^(?=From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$)/m).filter((m) => m.trim() !== '');
}

function patchMessage(messages: string[], n: number): number {
  const at = messages.findIndex((m) => new RegExp(`^Subject: ${counter(n).replace(/[[\]/]/g, '\\$&')}`, 'm').test(m));
  if (at < 0) throw new Error(`no message for patch ${n}`);
  return at;
}

async function loadVariant(name: string, edit: (messages: string[]) => void): Promise<PatchSeries> {
  const messages = splitMbox(readFileSync(MBOX, 'utf8'));
  edit(messages);
  const path = join(scratch, `${name}.mbox`);
  writeFileSync(path, messages.join(''));
  return (await loadSeriesSet(path)).series[0]!;
}

/** Removes one file's section from a patch message (as if the author forgot that file). */
function dropFileSection(message: string, file: string): string {
  const start = message.indexOf(`diff --git a/${file} b/${file}\n`);
  if (start < 0) throw new Error(`no section for ${file}`);
  const ends = [message.indexOf('\ndiff --git ', start + 1), message.indexOf('\n-- \n', start)].filter((i) => i > 0);
  return message.slice(0, start) + message.slice(Math.min(...ends) + 1);
}

let original: PatchSeries;
let clean: SeriesAnalysis;
/** The seed's step 1 ends where its contiguous run of patches from 01 ends (sequence.json, "proposed"). */
let stepOneEnd: number;

beforeAll(async () => {
  original = (await loadSeriesSet(MBOX)).series[0]!;
  const sequences = JSON.parse(readFileSync(join(FIXTURE, 'sequence.json'), 'utf8')) as { sequences: { name: string; steps: { patches: number[] }[] }[] };
  const stepOne = sequences.sequences.find((s) => s.name === 'proposed')!.steps[0]!.patches;
  stepOneEnd = stepOne.findIndex((p, i) => p !== i + 1);
  stepOneEnd = stepOneEnd < 0 ? stepOne.length : stepOneEnd;
  clean = await analyzeSeries(original, { base: BASE, split: [stepOneEnd], suggestSplit: true });
}, 120_000);

describe('the bundled series on its base tree', () => {
  it('applies in order, one commit per patch', () => {
    expect(original.patches).toHaveLength(26);
    expect(clean.apply!.patches.map((p) => p.status)).toEqual(Array(26).fill('applied'));
    expect(clean.findings.filter((f) => f.id === 'does-not-apply' || f.id === 'unsafe-path')).toEqual([]);
  });

  it('is bisectable at every patch', () => {
    expect(clean.bisect.findings).toEqual([]);
    expect(clean.bisect.patches.map((p) => p.status)).toEqual(Array(26).fill('ok'));
    expect(clean.bisect.partial).toBe(false);
  });

  it('splits at the end of the seed\'s step 1', () => {
    expect(stepOneEnd).toBe(20);
    expect(clean.split!.parts.map((p) => [p.first, p.last, p.standsAlone])).toEqual([[1, 20, true], [21, 26, true]]);
    expect(clean.suggestion!.cuts).toContain(stepOneEnd);
  });

  it('knows that the PAL patches depend on the patch that adds the PAL type', () => {
    const palUser = clean.graph.edges.find((e) => e.from === 22 && e.to === 21);
    expect(palUser?.reasons.some((r) => r.kind === 'uses')).toBe(true);
  });
});

describe('broken variants generated from the bundled mbox', () => {
  it('finds the one user a treewide rename (19) missed, at patch 19 with file and line', async () => {
    const rename = original.patches[18]!;
    const laterFiles = new Set(original.patches.slice(19).flatMap((p) => p.files.map((f) => f.path)));
    const user = rename.files.find((f) => /\.c$/.test(f.path) && !f.path.startsWith('drivers/dma-buf/') && !laterFiles.has(f.path))!;
    const removed = user.hunks.flatMap((h) => h.lines).find((l) => l.kind === 'remove' && /\bdma_buf_attach\s*\(/.test(l.text))!;
    const series = await loadVariant('missed-user', (m) => { const i = patchMessage(m, 19); m[i] = dropFileSection(m[i]!, user.path); });
    const result = await analyzeSeries(series, { base: BASE });
    expect(result.apply!.appliedAll).toBe(true);
    expect(result.bisect.patches.findIndex((p) => p.status === 'broken')).toBe(18);
    expect(result.findings).toContainEqual(expect.objectContaining({
      id: 'bisect-undefined-symbol',
      where: expect.objectContaining({ patch: 19, file: user.path, line: removed.oldLine }),
      message: expect.stringContaining('dma_buf_attach'),
    }));
  }, 120_000);

  it('finds an exporter the conversion (07) missed, where 16 removes the legacy ops it still sets', async () => {
    const laterFiles = new Set(original.patches.slice(7).flatMap((p) => p.files.map((f) => f.path)));
    const exporter = original.patches[6]!.files.find((f) => /\.c$/.test(f.path) && !laterFiles.has(f.path))!;
    const series = await loadVariant('missed-exporter', (m) => { const i = patchMessage(m, 7); m[i] = dropFileSection(m[i]!, exporter.path); });
    const result = await analyzeSeries(series, { base: BASE });
    expect(result.apply!.appliedAll).toBe(true);
    expect(result.bisect.patches.findIndex((p) => p.status === 'broken')).toBe(15);
    const found = result.findings.filter((f) => f.id === 'bisect-undefined-symbol');
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.where.patch === 16 && f.where.file === exporter.path)).toBe(true);
    expect(found[0]!.message).toMatch(/uses the field \.\w+ \(designated initializer\) at .*, which is removed by patch 16/);
  }, 120_000);

  it('finds a patch moved before the one that introduces its symbol (22 before 21)', async () => {
    const series = await loadVariant('reordered', (m) => {
      const [a, b] = [patchMessage(m, 21), patchMessage(m, 22)];
      const swap = (text: string, from: number, to: number): string => text.replace(`Subject: ${counter(from)}`, `Subject: ${counter(to)}`);
      [m[a], m[b]] = [swap(m[b]!, 22, 21), swap(m[a]!, 21, 22)];
    });
    const result = await analyzeSeries(series, { base: BASE, split: [21] });
    expect(result.apply!.appliedAll).toBe(true);
    expect(result.bisect.patches[20]!.status).toBe('broken');
    const first = result.findings.find((f) => f.id === 'bisect-undefined-symbol')!;
    expect(first.where).toMatchObject({ patch: 21, file: 'drivers/vfio/pci/vfio_pci_dmabuf.c' });
    expect(first.message).toContain('defined only by the later patch 22');
    expect(result.split!.parts[0]!.needs.some((n) => n.patch === 21 && n.needs === 22)).toBe(true);
    // The series alone shows it too, as a partial answer.
    const alone = await analyzeSeries(series);
    expect(alone.bisect.partial).toBe(true);
    expect(alone.bisect.patches[20]!.status).toBe('unknown');
    expect(alone.bisect.patches.filter((p) => p.status !== 'ok').map((p) => p.index)).toEqual([21]);
  }, 120_000);

  it('reports a hunk that no longer applies at its patch, with the hunk, and tries nothing after', async () => {
    const target = original.patches[9]!;
    const hunk = target.files[0]!.hunks[0]!;
    const context = hunk.lines.find((l) => l.kind === 'context' && l.text.trim().length > 3)!;
    const series = await loadVariant('drifted', (m) => {
      const i = patchMessage(m, 10);
      const at = m[i]!.indexOf(`\n ${context.text}\n`, m[i]!.indexOf(hunk.header));
      m[i] = `${m[i]!.slice(0, at)}\n ${context.text} /* drifted */${m[i]!.slice(at + context.text.length + 2)}`;
    });
    const result = await analyzeSeries(series, { base: BASE });
    expect(result.apply!.patches.map((p) => p.status)).toEqual([...Array(9).fill('applied'), 'does-not-apply', ...Array(16).fill('not-tried')]);
    const finding = result.findings.find((f) => f.id === 'does-not-apply')!;
    expect(finding.where).toMatchObject({ patch: 10, file: target.files[0]!.path, line: hunk.oldStart });
    expect(finding.excerpt).toContain(`${context.text} /* drifted */`);
  }, 120_000);
});
