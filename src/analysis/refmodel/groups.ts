/**
 * Which buffers the explorer looks at in one world: every exporter×importer pair, and every group of
 * 2..maxGroup importers that can attach to the same exporter. Plus what each pair gave in the previous
 * world, the baseline NO_REGRESSION compares against.
 */
import { attachSlot, initialState, mapSlot } from './core.js';
import { referenceMatch } from './match.js';
import type { ModelStrategy } from './strategy.js';
import type { ExporterSpec, GroupModel, ImporterSpec, PairBaseline, World } from './types.js';

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, k) => {
    for (const rest of combinations(items.slice(k + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

export function groupModel(world: World, exporter: ExporterSpec, buffer: number, importers: readonly ImporterSpec[]): GroupModel {
  return { exporter, buffer, ranges: exporter.buffers[buffer]!, importers, types: world.types, converters: world.converters };
}

export function groupsOf(world: World, strategy: ModelStrategy, maxGroup: number): GroupModel[] {
  const out: GroupModel[] = [];
  for (const exporter of world.exporters) {
    for (let buffer = 0; buffer < exporter.buffers.length; buffer++) {
      for (const importer of world.importers) out.push(groupModel(world, exporter, buffer, [importer]));
      const attachable = world.importers.filter((i) => strategy.match(groupModel(world, exporter, buffer, [i]), exporter, i).ok);
      for (let size = 2; size <= maxGroup; size++) {
        for (const group of combinations(attachable, size)) out.push(groupModel(world, exporter, buffer, group));
      }
    }
  }
  return out;
}

/** Attach and map the pair alone in `world`, once per backing generation; null when attach fails. */
export function pairBaseline(world: World | null, exporterName: string, buffer: number, importerName: string, strategy: ModelStrategy): PairBaseline | null {
  const exporter = world?.exporters.find((e) => e.name === exporterName);
  const importer = world?.importers.find((i) => i.name === importerName);
  if (!world || !exporter || !importer || buffer >= exporter.buffers.length) return null;
  const model = groupModel(world, exporter, buffer, [importer]);
  const attached = attachSlot(initialState(model), 0, model, strategy);
  if (attached.slots[0]!.status !== 'attached') return null;
  const bytes = [0, 1].map((gen) => mapSlot({ ...attached, gen }, 0, model, strategy)?.slots[0]!.mapping?.bytes ?? null);
  return { bytes };
}

export function referenceMatches(model: GroupModel) {
  return model.importers.map((i) => referenceMatch(model, model.exporter, i));
}
