/**
 * The model deltas a patch's code implies, read from its diff: which mapping types the core defines
 * and removes, which converters it registers, which types an exporter's match entries offer (in
 * order) and an importer's entries accept, whether an exporter's match callback asserts the
 * reservation lock, whether its SGT unmap callback releases anything, and iommufd's range cap.
 * Every delta carries the file and new-side line it came from. binding.json says the same by hand;
 * compare-binding.ts holds the two against each other.
 */
import type { Patch, PatchSeries } from '../../series/index.js';
import { cFragments, statements, type CFragments, type CLine } from './c-fragments.js';
import { applyDelta } from './deltas.js';
import type { Delta, MappingType, World } from './types.js';

/** Where a delta came from: a file of the patch and a line of it after the change. */
export interface DeltaOrigin {
  file: string;
  line: number;
}

export interface DerivedDelta {
  delta: Delta;
  origin: DeltaOrigin;
}

export interface DerivedEntry {
  patch: number;
  subject: string;
  deltas: DerivedDelta[];
}

/** A model driver and the files that hold its dma-buf code (sequence.json `drivers`). */
export interface DriverFiles {
  name: string;
  files: string[];
}

/** The dma-buf core: what it defines are types, converters and the importer wrappers. */
const CORE_FILES = new Set(['drivers/dma-buf/dma-buf.c', 'drivers/dma-buf/dma-buf-mapping.c', 'include/linux/dma-buf.h', 'include/linux/dma-buf-mapping.h']);

const TYPE_DEFINITION = /^(?:const\s+)?struct dma_buf_mapping_type dma_buf_mapping_(sgt|pal)_type\s*=/;
const COMPAT_MATCH = /^int dma_buf_sgt_compat_match\(/;
const LEGACY_OP = /\(\*map_dma_buf\)\(/;
/** Exporter match entries and the single-entry forms, by the type they offer. */
const EXPORTER_ENTRY = /\b(DMA_BUF_EMAPPING_SGT_P2P|DMA_BUF_EMAPPING_SGT|DMA_BUF_EMAPPING_PAL|DMA_BUF_SIMPLE_SGT_EXP_MATCH|DRM_GEM_PRIME_SGT_EXP_MATCH)\b/;
const ENTRY_TYPE: Record<string, MappingType> = {
  DMA_BUF_EMAPPING_SGT_P2P: 'sgt', DMA_BUF_EMAPPING_SGT: 'sgt', DMA_BUF_EMAPPING_PAL: 'pal',
  DMA_BUF_SIMPLE_SGT_EXP_MATCH: 'sgt', DRM_GEM_PRIME_SGT_EXP_MATCH: 'sgt',
};
const DECLARES_MATCH = /\.match_mapping\s*=|\.single_exporter_match\s*=|DMA_BUF_SIMPLE_SGT_EXP_MATCH\(|DRM_GEM_PRIME_SGT_EXP_MATCH/;
const ASSERTS_LOCK = /\bdma_resv_assert_held\s*\(/;
const SGT_UNMAP = /\.unmap_dma_buf\s*=\s*(\w+)|DMA_BUF_SIMPLE_SGT_EXP_MATCH\(\s*\w+\s*,\s*(\w+)\s*\)/;
/** A call that gives something back: what an unmap callback must do with what map took. */
const RELEASES = /\b\w*(free|unmap|put|release|destroy)\w*\s*\(/;
/** iommufd's check that a PAL has one range (patch 23) and its removal (patch 24). */
const SINGLE_RANGE = /(->length|nr_ranges|->nr)\s*!=\s*1\b/;

const at = (f: CFragments, l: CLine | undefined): DeltaOrigin => ({ file: f.path, line: l?.line ?? f.lines[0]?.line ?? 0 });

function coreDeltas(f: CFragments, world: World): DerivedDelta[] {
  const out: DerivedDelta[] = [];
  for (const l of f.lines) {
    if (!l.added) continue;
    const t = TYPE_DEFINITION.exec(l.text);
    if (t) out.push({ delta: { op: 'add-type', type: t[1] as MappingType }, origin: at(f, l) });
    if (COMPAT_MATCH.test(l.text)) out.push({ delta: { op: 'add-converter', converter: 'legacy-compat' }, origin: at(f, l) });
    // dma_buf_attach()/dma_buf_dynamic_attach() become wrappers that offer one SGT importer entry:
    // every importer still on the legacy path now attaches as an SGT importer.
    if (/\bDMA_BUF_IMAPPING_SGT\(/.test(l.text) && l.fn !== null && /^dma_buf_(dynamic_)?attach$/.test(l.fn)) {
      for (const i of world.importers) {
        if (i.accepts.includes('legacy')) out.push({ delta: { op: 'set-accepts', importer: i.name, accepts: i.accepts.map((x) => (x === 'legacy' ? 'sgt' : x)) }, origin: at(f, l) });
      }
    }
  }
  for (const l of f.removed) {
    if (LEGACY_OP.test(l.text) && world.types.includes('legacy')) out.push({ delta: { op: 'remove-type', type: 'legacy' }, origin: at(f, f.lines.find((x) => x.line >= l.line)) });
  }
  return out;
}

/** The types the exporter's entries offer, in the order the patch shows them, when it changes them. */
function exporterDeltas(f: CFragments, name: string): DerivedDelta[] {
  const changed = f.lines.some((l) => l.added && (EXPORTER_ENTRY.test(l.text) || DECLARES_MATCH.test(l.text)));
  const out: DerivedDelta[] = [];
  if (changed) {
    const entries = f.lines.filter((l) => EXPORTER_ENTRY.test(l.text) && !/^#define/.test(l.text));
    const offers = [...new Set(entries.map((l) => ENTRY_TYPE[EXPORTER_ENTRY.exec(l.text)![1]!]!))];
    out.push({ delta: { op: 'set-offers', exporter: name, offers }, origin: at(f, entries.find((l) => l.added) ?? f.lines.find((l) => l.added && DECLARES_MATCH.test(l.text))) });
  }
  // The match callback: whether it asserts the lock, read from its whole body when the patch shows it.
  for (const [fn, body] of f.bodies) {
    if (!/match/.test(fn) || !body.some((l) => l.added)) continue;
    const assert = body.find((l) => ASSERTS_LOCK.test(l.text));
    out.push({ delta: { op: 'set-match-lock', exporter: name, asserts: assert !== undefined }, origin: at(f, assert ?? body[0]) });
  }
  // The SGT unmap callback named in the ops: does its body give back anything?
  for (const l of f.lines) {
    const m = SGT_UNMAP.exec(l.text);
    const fn = m && (m[1] ?? m[2]);
    const body = fn ? f.bodies.get(fn) : undefined;
    if (!fn || !body || !(l.added || body.some((b) => b.added))) continue;
    const leaks = !statements(body).some((s) => RELEASES.test(s.text));
    out.push({ delta: { op: 'set-unmap-leaks', exporter: name, leaks }, origin: at(f, body[0]) });
  }
  return out;
}

function importerDeltas(f: CFragments, name: string, world: World): DerivedDelta[] {
  const out: DerivedDelta[] = [];
  const pal = f.lines.find((l) => l.added && /\bDMA_BUF_IMAPPING_PAL\(/.test(l.text));
  const single = f.lines.find((l) => SINGLE_RANGE.test(l.text));
  const known = world.importers.find((i) => i.name === name);
  // The move_notify callback, and the importer's own lock it takes, when the patch shows its lines.
  const notify = f.lines.map((l) => /\.move_notify\s*=\s*(\w+)/.exec(l.text)?.[1]).find((n) => n !== undefined) ?? null;
  const ownLock = notify === null ? undefined : f.lines.filter((l) => l.fn === notify).map((l) => /\bmutex_lock\(&?([\w>.-]+)\)/.exec(l.text)?.[1]).find((n) => n !== undefined);
  if (pal && !known) {
    out.push({
      delta: {
        op: 'add-importer',
        // A PAL is all MMIO (patch 21), so its importer takes peer-to-peer ranges by definition.
        importer: { name, accepts: ['pal'], dynamic: notify !== null, p2p: true, maxRanges: single ? 1 : 0, ...(ownLock ? { notifyLock: ownLock } : {}) },
      },
      origin: at(f, pal),
    });
  } else if (pal && known) {
    out.push({ delta: { op: 'set-accepts', importer: name, accepts: ['pal'] }, origin: at(f, pal) });
  }
  const droppedCap = f.removed.find((l) => SINGLE_RANGE.test(l.text));
  if (known && droppedCap && !single && known.maxRanges !== 0) out.push({ delta: { op: 'set-max-ranges', importer: name, maxRanges: 0 }, origin: at(f, f.lines.find((l) => l.line >= droppedCap.line)) });
  return out;
}

function driverOf(drivers: readonly DriverFiles[], path: string): string[] {
  return drivers.filter((d) => d.files.includes(path)).map((d) => d.name);
}

/** The deltas one patch's code implies in `world` (the world before it). */
export function derivePatch(patch: Patch, world: World, drivers: readonly DriverFiles[]): DerivedEntry {
  const deltas: DerivedDelta[] = [];
  for (const file of patch.files) {
    if (!/\.[ch]$/.test(file.path)) continue;
    const f = cFragments(file);
    if (CORE_FILES.has(file.path)) {
      deltas.push(...coreDeltas(f, world));
      continue;
    }
    for (const name of driverOf(drivers, file.path)) {
      if (world.exporters.some((e) => e.name === name)) deltas.push(...exporterDeltas(f, name));
      deltas.push(...importerDeltas(f, name, world));
    }
  }
  return { patch: patch.index, subject: patch.subjectInfo?.summary ?? patch.subject, deltas: dedupe(deltas) };
}

/** One delta per change: the core wrappers and two files may say the same thing twice. */
function dedupe(deltas: DerivedDelta[]): DerivedDelta[] {
  const seen = new Set<string>();
  return deltas.filter((d) => {
    const key = JSON.stringify(d.delta);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every patch's deltas in series order, each derived in the world the earlier derived deltas made
 * from `base`. A derived delta that does not fit its world (it names a driver that is not there) is
 * left out of the world but kept in the entry, so the comparison reports it.
 */
export function deriveSeries(series: PatchSeries, base: World, drivers: readonly DriverFiles[]): DerivedEntry[] {
  let world = base;
  return series.patches.map((patch) => {
    const entry = derivePatch(patch, world, drivers);
    for (const d of entry.deltas) {
      const r = applyDelta(world, d.delta);
      if (r.ok) world = r.world;
    }
    return entry;
  });
}
