/**
 * The hand-written binding against the one derived from the code. Both are applied, patch by patch,
 * to the same world (the hand-written one's, as the series lands), and the two worlds compared:
 * deltas that say the same thing differently (a no-op on one side, five set-accepts against one
 * wrapper change) agree; every fact on which the worlds differ is a `binding-mismatch`, at the patch
 * and at the file and line of the derived delta behind it (or the patch's first changed line).
 */
import type { PatchSeries } from '../../series/index.js';
import type { BindingMismatch } from './binding.js';
import { applyDelta } from './deltas.js';
import type { DeltaOrigin, DerivedEntry } from './derive.js';
import type { Binding } from './files.js';
import type { Delta, World } from './types.js';

/** Facts of a world, each a key (`vfio-pci.offers`) and a value a person can read. */
function facts(world: World): Map<string, string> {
  const out = new Map<string, string>([
    ['core.types', world.types.join(', ')],
    ['core.converters', world.converters.join(', ')],
  ]);
  for (const e of world.exporters) {
    out.set(`exporter ${e.name}: offers`, `[${e.offers.join(', ')}]`);
    out.set(`exporter ${e.name}: match asserts the lock`, e.matchAssertsLock ? 'yes' : 'no');
    out.set(`exporter ${e.name}: unmap releases nothing`, e.unmapLeaks ? 'yes' : 'no');
  }
  for (const i of world.importers) {
    out.set(`importer ${i.name}: accepts`, `[${i.accepts.join(', ')}]`);
    out.set(`importer ${i.name}: dynamic`, String(i.dynamic));
    out.set(`importer ${i.name}: p2p`, String(i.p2p));
    out.set(`importer ${i.name}: max ranges`, String(i.maxRanges));
    out.set(`importer ${i.name}: move_notify takes`, i.notifyLock ?? 'no lock of its own');
  }
  return out;
}

const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim();

function applyAll(world: World, deltas: readonly Delta[]): World {
  return deltas.reduce((w, d) => {
    const r = applyDelta(w, d);
    return r.ok ? r.world : w;
  }, world);
}

/** The delta ops that set each kind of fact, so a mismatch points at the line that says it. */
const OPS_FOR: [RegExp, readonly string[]][] = [
  [/: offers$/, ['set-offers']], [/: match asserts/, ['set-match-lock']], [/: unmap/, ['set-unmap-leaks']],
  [/: (accepts|dynamic|p2p|move_notify takes)$/, ['set-accepts', 'add-importer']], [/: max ranges$/, ['set-max-ranges', 'add-importer']],
];

/** Which derived delta speaks about `key`: the driver it names, and the op that sets that fact first. */
function originFor(key: string, entry: DerivedEntry | undefined): DeltaOrigin | undefined {
  const ops = OPS_FOR.find(([re]) => re.test(key))?.[1];
  const candidates = entry?.deltas.filter((x) => !ops || ops.includes(x.delta.op)) ?? [];
  const d = candidates.find((x) => {
    const name = 'exporter' in x.delta && typeof x.delta.exporter === 'string' ? x.delta.exporter
      : 'importer' in x.delta ? (typeof x.delta.importer === 'string' ? x.delta.importer : x.delta.importer.name) : 'core';
    return key.startsWith(`exporter ${name}:`) || key.startsWith(`importer ${name}:`) || (name === 'core' && key.startsWith('core.'));
  });
  return d?.origin;
}

function firstChangedLine(series: PatchSeries, patch: number): DeltaOrigin | undefined {
  const p = series.patches.find((x) => x.index === patch);
  for (const f of p?.files ?? []) {
    const l = f.hunks.flatMap((h) => h.lines).find((x) => x.kind === 'add' || x.kind === 'remove');
    if (l) return { file: f.path, line: l.newLine ?? l.oldLine ?? 0 };
  }
  return undefined;
}

export function compareBindings(binding: Binding, derived: readonly DerivedEntry[], series: PatchSeries, base: World): BindingMismatch[] {
  const out: BindingMismatch[] = [];
  let world = base;
  for (const patch of series.patches) {
    const written = binding.patches.find((b) => b.patch === patch.index);
    // An unbound patch, or another patch under this number: checkBinding reports both.
    if (!written || (written.subject && normalise(written.subject) !== normalise(patch.subjectInfo?.summary ?? patch.subject))) continue;
    const entry = derived.find((d) => d.patch === patch.index);
    const byHand = applyAll(world, written.deltas);
    const handFacts = facts(byHand);
    const fromCode = facts(applyAll(world, entry?.deltas.map((d) => d.delta) ?? []));
    for (const [key, value] of handFacts) {
      const code = fromCode.get(key) ?? '(absent)';
      if (code === value) continue;
      const where = originFor(key, entry) ?? firstChangedLine(series, patch.index);
      out.push({
        patch: patch.index,
        kind: 'binding-mismatch',
        expected: `${key} ${value}`,
        message: `patch ${patch.index}: ${key}: ${binding.source} says ${value}, the code says ${code}${where ? ` (${where.file}:${where.line})` : ''}`,
        messageId: patch.messageId,
        ...(where ? { file: where.file, line: where.line } : {}),
      });
    }
    for (const [key, code] of fromCode) {
      if (handFacts.has(key)) continue;
      const where = originFor(key, entry) ?? firstChangedLine(series, patch.index);
      out.push({
        patch: patch.index, kind: 'binding-mismatch', expected: `${key} (absent)`,
        message: `patch ${patch.index}: ${key}: ${binding.source} does not have it, the code says ${code}${where ? ` (${where.file}:${where.line})` : ''}`,
        messageId: patch.messageId, ...(where ? { file: where.file, line: where.line } : {}),
      });
    }
    world = byHand;
  }
  return out;
}
