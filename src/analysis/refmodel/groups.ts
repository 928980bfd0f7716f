/**
 * Which buffers the explorer looks at in one world: every exporter×importer pair, and every group of
 * 2..maxGroup importers that can attach to the same exporter.
 */
import type { ModelStrategy } from './strategy.js';
import type { ExporterSpec, GroupModel, ImporterSpec, World } from './types.js';

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, k) => {
    for (const rest of combinations(items.slice(k + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

export type Abilities = Pick<GroupModel, 'types' | 'converters'>;

export function groupModel(world: Abilities, exporter: ExporterSpec, buffer: number, importers: readonly ImporterSpec[]): GroupModel {
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

