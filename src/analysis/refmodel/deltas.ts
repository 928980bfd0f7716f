/**
 * Model deltas are data (sequence.json, binding.json); this file interprets them. A delta that names
 * something the world does not have is a problem value, which the loader turns into an InputError
 * with the delta's JSON path.
 */
import { CONVERTERS } from './types.js';
import type { Delta, ExporterSpec, ImporterSpec, MappingType, World } from './types.js';

export type DeltaResult = { ok: true; world: World } | { ok: false; problem: string };

const without = <T>(list: readonly T[], x: T): T[] => list.filter((y) => y !== x);

function updateExporter(world: World, name: string, change: (e: ExporterSpec) => ExporterSpec): DeltaResult {
  if (!world.exporters.some((e) => e.name === name)) return { ok: false, problem: `unknown exporter "${name}" at this point` };
  return { ok: true, world: { ...world, exporters: world.exporters.map((e) => (e.name === name ? change(e) : e)) } };
}

function updateImporter(world: World, name: string, change: (i: ImporterSpec) => ImporterSpec): DeltaResult {
  if (!world.importers.some((i) => i.name === name)) return { ok: false, problem: `unknown importer "${name}" at this point` };
  return { ok: true, world: { ...world, importers: world.importers.map((i) => (i.name === name ? change(i) : i)) } };
}

/** Removing a type from the core removes it from every driver and every converter that used it. */
function removeType(world: World, type: MappingType): World {
  return {
    types: without(world.types, type),
    converters: world.converters.filter((c) => CONVERTERS[c].from !== type && CONVERTERS[c].to !== type),
    exporters: world.exporters.map((e) => ({ ...e, offers: without(e.offers, type) })),
    importers: world.importers.map((i) => ({ ...i, accepts: without(i.accepts, type) })),
  };
}

export function applyDelta(world: World, delta: Delta): DeltaResult {
  switch (delta.op) {
    case 'none':
      return { ok: true, world };
    case 'add-type':
      return { ok: true, world: world.types.includes(delta.type) ? world : { ...world, types: [...world.types, delta.type] } };
    case 'remove-type':
      return { ok: true, world: removeType(world, delta.type) };
    case 'add-converter':
      return { ok: true, world: world.converters.includes(delta.converter) ? world : { ...world, converters: [...world.converters, delta.converter] } };
    case 'remove-converter':
      return { ok: true, world: { ...world, converters: without(world.converters, delta.converter) } };
    case 'add-exporter':
      if (world.exporters.some((e) => e.name === delta.exporter.name)) return { ok: false, problem: `exporter "${delta.exporter.name}" exists already` };
      return { ok: true, world: { ...world, exporters: [...world.exporters, delta.exporter] } };
    case 'add-importer':
      if (world.importers.some((i) => i.name === delta.importer.name)) return { ok: false, problem: `importer "${delta.importer.name}" exists already` };
      return { ok: true, world: { ...world, importers: [...world.importers, delta.importer] } };
    case 'set-offers':
      return updateExporter(world, delta.exporter, (e) => ({ ...e, offers: [...delta.offers] }));
    case 'set-accepts':
      return updateImporter(world, delta.importer, (i) => ({ ...i, accepts: [...delta.accepts] }));
    case 'set-max-ranges':
      return updateImporter(world, delta.importer, (i) => ({ ...i, maxRanges: delta.maxRanges }));
    case 'set-match-lock':
      return updateExporter(world, delta.exporter, (e) => ({ ...e, matchAssertsLock: delta.asserts }));
    case 'set-unmap-leaks':
      return updateExporter(world, delta.exporter, (e) => ({ ...e, unmapLeaks: delta.leaks }));
  }
}

/** Exporter ops a driver must implement for each type it offers (per the series' op tables). */
const OPS_PER_TYPE: Record<MappingType, readonly string[]> = {
  legacy: ['map_dma_buf', 'unmap_dma_buf'],
  sgt: ['map_dma_buf', 'unmap_dma_buf'],
  pal: ['map_phys', 'unmap_phys'],
  // König's alternative: the exporter maps into the importer's domain itself.
  iommu_domain: ['map_domain', 'unmap_domain'],
};

export interface DriverBurden {
  /** Exporter → the ops it implements at this step. */
  exporters: Record<string, string[]>;
  total: number;
}

/** The driver-burden metric: a single-type exporter uses single_exporter_match (patch 05), more need match_mapping. */
export function driverBurden(world: World): DriverBurden {
  const exporters: Record<string, string[]> = {};
  let total = 0;
  for (const e of world.exporters) {
    const ops = e.offers.flatMap((t) => OPS_PER_TYPE[t].map((op) => `${t}.${op}`));
    if (e.offers.length > 1) ops.push('match_mapping');
    exporters[e.name] = ops;
    total += ops.length;
  }
  return { exporters, total };
}
