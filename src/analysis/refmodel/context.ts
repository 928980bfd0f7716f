/**
 * What the invariants need besides the state, for one buffer in one step: the previous step's view of
 * each pair (NO_REGRESSION's baseline), this step's view, and the matches. Pair views are memoised by
 * spec value, since most steps change one driver and leave every other pair as it was.
 */
import { attachSlot, initialState, mapSlot, rangesAt, withState } from './core.js';
import { formatBytes } from './iommu.js';
import { groupModel, type Abilities } from './groups.js';
import { specId } from './intern.js';
import type { CheckContext } from './invariants.js';
import { referenceMatch } from './match.js';
import type { ModelStrategy } from './strategy.js';
import type { ExporterSpec, GroupModel, ImporterSpec, PairBaseline, World } from './types.js';

export type PairMemo = Map<string, PairBaseline | null>;

/** Attach and map the pair alone, once per backing generation; null when attach fails. */
export function pairView(abilities: Abilities, exporter: ExporterSpec, buffer: number, importer: ImporterSpec, strategy: ModelStrategy, memo?: PairMemo): PairBaseline | null {
  const key = `${specId(exporter)}:${buffer}:${specId(importer)}:${specId(abilities.types)}:${specId(abilities.converters)}`;
  const known = memo?.get(key);
  if (known !== undefined) return known;
  const model = groupModel(abilities, exporter, buffer, [importer]);
  const attached = attachSlot(initialState(model), 0, model, strategy)!;
  const bytes = [0, 1].map((gen) => mapSlot(withState(attached, { gen }), 0, model, strategy)?.slots[0]!.mapping?.bytes ?? null);
  const view = attached.slots[0]!.status !== 'attached' ? null : { bytes, key: bytes.join('/') };
  memo?.set(key, view);
  return view;
}

/** What the pair of these names gave in `world` (the previous step's), or null when it did not attach. */
export function pairBaseline(world: World | null, exporterName: string, buffer: number, importerName: string, strategy: ModelStrategy, memo?: PairMemo): PairBaseline | null {
  const exporter = world?.exporters.find((e) => e.name === exporterName);
  const importer = world?.importers.find((i) => i.name === importerName);
  if (!world || !exporter || !importer || buffer >= exporter.buffers.length) return null;
  return pairView(world, exporter, buffer, importer, strategy, memo);
}

export function baselinesOf(model: GroupModel, strategy: ModelStrategy, prev: World | null, memo?: PairMemo): (PairBaseline | null)[] {
  return model.importers.map((i) => pairBaseline(prev, model.exporter.name, model.buffer, i.name, strategy, memo));
}

/** A key for everything an exploration's result depends on (besides strategy and depth). */
export function explorationKey(model: GroupModel, baseline: readonly (PairBaseline | null)[]): string {
  let key = `${specId(model.exporter)}:${model.buffer}:${specId(model.types)}:${specId(model.converters)}`;
  for (let i = 0; i < baseline.length; i++) key += `|${specId(model.importers[i]!)}:${baseline[i]?.key ?? '-'}`;
  return key;
}

export function checkContext(model: GroupModel, strategy: ModelStrategy, prev: World | null, memo?: PairMemo, baseline = baselinesOf(model, strategy, prev, memo)): CheckContext {
  const { exporter, buffer, importers } = model;
  return {
    model,
    strategy,
    baseline,
    reference: importers.map((i) => referenceMatch(model, exporter, i)),
    rematch: importers.map((i) => strategy.match(model, exporter, i)),
    current: importers.map((i) => pairView(model, exporter, buffer, i, strategy, memo)),
    expectedBytes: [0, 1].map((gen) => formatBytes(rangesAt(model.ranges, gen))),
  };
}
