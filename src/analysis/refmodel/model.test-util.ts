/** Small worlds for the model's tests: one call per driver, overrides for what a test is about. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupModel } from './groups.js';
import type { ConverterId, ExporterSpec, GroupModel, ImporterSpec, MappingType, World } from './types.js';

export const FIXTURES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../fixtures/dmabuf-mapping-types');

export function exporterSpec(name: string, over: Partial<ExporterSpec> = {}): ExporterSpec {
  return { name, buffers: [[{ phys: 0x80000000, len: 0x2000 }]], offers: ['sgt'], dynamic: false, revocable: false, mmio: false, ...over };
}

export function importerSpec(name: string, over: Partial<ImporterSpec> = {}): ImporterSpec {
  return { name, accepts: ['sgt'], dynamic: true, p2p: true, maxRanges: 0, ...over };
}

export function worldOf(exporters: ExporterSpec[], importers: ImporterSpec[], over: Partial<World> = {}): World {
  const types: MappingType[] = ['legacy', 'sgt', 'pal', 'iommu_domain'];
  const converters: ConverterId[] = ['pal-to-sgt', 'pal-to-iommu_domain'];
  return { types, converters, exporters, importers, ...over };
}

/** A group on the exporter's first buffer in a world with every type and the seed's converters. */
export function modelOf(exporter: ExporterSpec, importers: ImporterSpec[], over: Partial<World> = {}): GroupModel {
  return groupModel(worldOf([exporter], importers, over), exporter, 0, importers);
}
