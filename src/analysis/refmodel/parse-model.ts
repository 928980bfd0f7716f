/**
 * Reading the model's own JSON vocabulary: worlds, exporters, importers, deltas. Names of drivers are
 * checked later, when the deltas are applied in order (a driver may be added by an earlier delta).
 */
import { PAGE_SIZE } from './config.js';
import type { JsonReader } from './json-shape.js';
import { CONVERTERS, MAPPING_TYPES } from './types.js';
import type { ConverterId, Delta, DeltaOp, ExporterSpec, ImporterSpec, MappingType, PhysRange, World } from './types.js';

const CONVERTER_IDS = Object.keys(CONVERTERS) as ConverterId[];
const DELTA_OPS: readonly DeltaOp[] = [
  'none', 'add-type', 'remove-type', 'add-converter', 'remove-converter',
  'add-exporter', 'set-offers', 'add-importer', 'set-accepts', 'set-max-ranges', 'set-match-lock', 'set-unmap-leaks',
];

/** Driver names go into action labels and replay strings (`xe[0]>iommufd,mlx5:…`), so no separators. */
function driverName(r: JsonReader, v: unknown, path: string): string {
  const name = r.string(v, path);
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) r.fail(path, 'use letters, digits, "-", "_" or "." only');
  return name;
}

function types(r: JsonReader, v: unknown, path: string): MappingType[] {
  return r.array(v, path).map((t, k) => r.oneOf(t, MAPPING_TYPES, `${path}[${k}]`, 'mapping type'));
}

function range(r: JsonReader, v: unknown, path: string): PhysRange {
  const o = r.object(v, path);
  const phys = r.integer(o.phys, `${path}.phys`);
  const len = r.integer(o.len, `${path}.len`);
  if (phys % PAGE_SIZE !== 0) r.fail(`${path}.phys`, `not page-aligned (${PAGE_SIZE})`);
  if (len === 0 || len % PAGE_SIZE !== 0) r.fail(`${path}.len`, `must be a positive multiple of ${PAGE_SIZE}`);
  return { phys, len };
}

export function readExporter(r: JsonReader, v: unknown, path: string): ExporterSpec {
  const o = r.object(v, path);
  const buffers = r.array(o.buffers, `${path}.buffers`).map((b, k) => {
    const ranges = r.array(b, `${path}.buffers[${k}]`).map((x, j) => range(r, x, `${path}.buffers[${k}][${j}]`));
    if (ranges.length === 0) r.fail(`${path}.buffers[${k}]`, 'a buffer needs at least one range');
    return ranges;
  });
  if (buffers.length === 0) r.fail(`${path}.buffers`, 'an exporter needs at least one buffer');
  return {
    name: driverName(r, o.name, `${path}.name`),
    buffers,
    offers: types(r, o.offers, `${path}.offers`),
    dynamic: r.boolean(o.dynamic, `${path}.dynamic`),
    revocable: r.boolean(o.revocable, `${path}.revocable`),
    mmio: r.boolean(o.mmio, `${path}.mmio`),
    ...(o.matchAssertsLock !== undefined ? { matchAssertsLock: r.boolean(o.matchAssertsLock, `${path}.matchAssertsLock`) } : {}),
    ...(o.unmapLeaks !== undefined ? { unmapLeaks: r.boolean(o.unmapLeaks, `${path}.unmapLeaks`) } : {}),
  };
}

export function readImporter(r: JsonReader, v: unknown, path: string): ImporterSpec {
  const o = r.object(v, path);
  return {
    name: driverName(r, o.name, `${path}.name`),
    accepts: types(r, o.accepts, `${path}.accepts`),
    dynamic: r.boolean(o.dynamic, `${path}.dynamic`),
    p2p: r.boolean(o.p2p, `${path}.p2p`),
    maxRanges: r.optional(o, 'maxRanges', 0, (x) => r.integer(x, `${path}.maxRanges`)),
    ...(o.notifyLock !== undefined ? { notifyLock: r.string(o.notifyLock, `${path}.notifyLock`) } : {}),
  };
}

/** Driver names key deltas and replay strings, so each may appear once per side. */
function uniqueNames<T extends { name: string }>(r: JsonReader, list: T[], path: string): T[] {
  list.forEach((x, k) => {
    if (list.findIndex((y) => y.name === x.name) < k) r.fail(`${path}[${k}].name`, `"${x.name}" is defined twice`);
  });
  return list;
}

export function readWorld(r: JsonReader, v: unknown, path: string): World {
  const o = r.object(v, path);
  const exporters = r.array(o.exporters, `${path}.exporters`).map((e, k) => readExporter(r, e, `${path}.exporters[${k}]`));
  const importers = r.array(o.importers, `${path}.importers`).map((i, k) => readImporter(r, i, `${path}.importers[${k}]`));
  return {
    types: types(r, o.types, `${path}.types`),
    converters: r.array(o.converters, `${path}.converters`).map((c, k) => r.oneOf(c, CONVERTER_IDS, `${path}.converters[${k}]`, 'converter')),
    exporters: uniqueNames(r, exporters, `${path}.exporters`),
    importers: uniqueNames(r, importers, `${path}.importers`),
  };
}

function readChange(r: JsonReader, o: Record<string, unknown>, op: DeltaOp, path: string): Delta {
  const type = (): MappingType => r.oneOf(o.type, MAPPING_TYPES, `${path}.type`, 'mapping type');
  const converter = (): ConverterId => r.oneOf(o.converter, CONVERTER_IDS, `${path}.converter`, 'converter');
  switch (op) {
    case 'none': return { op, why: r.string(o.why, `${path}.why`) };
    case 'add-type': case 'remove-type': return { op, type: type() };
    case 'add-converter': case 'remove-converter': return { op, converter: converter() };
    case 'add-exporter': return { op, exporter: readExporter(r, o.exporter, `${path}.exporter`) };
    case 'add-importer': return { op, importer: readImporter(r, o.importer, `${path}.importer`) };
    case 'set-offers': return { op, exporter: r.string(o.exporter, `${path}.exporter`), offers: types(r, o.offers, `${path}.offers`) };
    case 'set-accepts': return { op, importer: r.string(o.importer, `${path}.importer`), accepts: types(r, o.accepts, `${path}.accepts`) };
    case 'set-max-ranges': return { op, importer: r.string(o.importer, `${path}.importer`), maxRanges: r.integer(o.maxRanges, `${path}.maxRanges`) };
    case 'set-match-lock': return { op, exporter: r.string(o.exporter, `${path}.exporter`), asserts: r.boolean(o.asserts, `${path}.asserts`) };
    case 'set-unmap-leaks': return { op, exporter: r.string(o.exporter, `${path}.exporter`), leaks: r.boolean(o.leaks, `${path}.leaks`) };
  }
}

export function readDelta(r: JsonReader, v: unknown, path: string): Delta {
  const o = r.object(v, path);
  const delta = readChange(r, o, r.oneOf(o.op, DELTA_OPS, `${path}.op`, 'delta op'), path);
  return o.note === undefined ? delta : { ...delta, note: r.string(o.note, `${path}.note`) };
}

/** Which field of a delta names a driver, for error paths. */
export function driverField(delta: Delta): string {
  if (delta.op === 'add-exporter') return 'exporter.name';
  if (delta.op === 'add-importer') return 'importer.name';
  return delta.op === 'set-offers' || delta.op === 'set-match-lock' || delta.op === 'set-unmap-leaks' ? 'exporter' : 'importer';
}
