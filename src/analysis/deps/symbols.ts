/**
 * What each patch defines, removes, renames and uses, in C identifiers. Pure functions over a
 * Patch (its parsed hunks) and over file text for the tree scan.
 */
import type { DiffFile, Hunk, Patch } from '../../series/index.js';
import { containerFromSection, scanLine, startState, type SymbolKind } from './c-scan.js';

export type { SymbolKind };

export interface SymbolDef {
  name: string;
  kind: SymbolKind;
  file: string;
  /** New-side line for an added definition, old-side line for a removed one, file line in a tree. */
  line: number;
  /** The struct or union a field belongs to. */
  container?: string;
  /** The source line, for "same shape" comparisons and display. */
  text: string;
}

export interface SymbolUse {
  name: string;
  file: string;
  line: number;
  /** True for a member access or designated initializer (`->name`, `.name`). */
  member?: boolean;
}

/** `.field = …` in `struct type x = {`: a use of that struct's field, checkable without types. */
export interface FieldInit {
  type: string;
  field: string;
  file: string;
  line: number;
}

export interface SymbolRename {
  from: string;
  to: string;
  kind: SymbolKind;
  file: string;
  line: number;
}

export interface PatchSymbols {
  index: number;
  /** Definitions the patch adds that did not exist before it (by name and kind). */
  defines: SymbolDef[];
  /** Definitions the patch deletes without adding back (renamed-away names included). */
  removes: SymbolDef[];
  /** Definitions rewritten in place (same name before and after: a new signature, a moved function). */
  changes: SymbolDef[];
  renames: SymbolRename[];
  /** Identifiers used on added lines. */
  uses: SymbolUse[];
  /** Identifiers used on context lines (code the patch relies on without changing). */
  contextUses: SymbolUse[];
  /** Member names (`->x`, `.x`) used on added lines. */
  memberUses: SymbolUse[];
  /** Identifiers used on removed lines (old-side line numbers). */
  removedUses: SymbolUse[];
}

/** Only C sources and headers are compiled; other files (docs, Makefiles) cannot break a build by a name. */
export function isCSource(path: string): boolean {
  return /\.[ch]$/.test(path);
}

interface SideScan {
  defs: SymbolDef[];
  uses: SymbolUse[];
  members: SymbolUse[];
  inits: FieldInit[];
}

interface SideLine { text: string; line: number; keep: boolean }

/** Scans a sequence of lines; only lines marked `keep` contribute results. */
function scanSide(file: string, lines: SideLine[], section: string): { kept: SideScan; other: SideScan } {
  const kept: SideScan = { defs: [], uses: [], members: [], inits: [] };
  const other: SideScan = { defs: [], uses: [], members: [], inits: [] };
  let state = startState(containerFromSection(section));
  for (const l of lines) {
    const r = scanLine(l.text, state);
    state = r.state;
    const into = l.keep ? kept : other;
    for (const d of r.scanned.defs) into.defs.push({ ...d, file, line: l.line, text: l.text });
    for (const name of r.scanned.uses) into.uses.push({ name, file, line: l.line });
    for (const name of r.scanned.members) into.members.push({ name, file, line: l.line });
    if (r.scanned.initializes) into.inits.push({ ...r.scanned.initializes, file, line: l.line });
  }
  return { kept, other };
}

/** Scans a whole file's text (the tree scan of bisect). */
export function scanFileText(file: string, text: string): { defs: SymbolDef[]; uses: SymbolUse[]; inits: FieldInit[] } {
  const lines = text.split('\n').map((t, i) => ({ text: t, line: i + 1, keep: true }));
  const { kept } = scanSide(file, lines, '');
  return { defs: kept.defs, uses: kept.uses, inits: kept.inits };
}

interface HunkScan { added: SideScan; context: SideScan; removed: SideScan }

function scanHunk(file: DiffFile, hunk: Hunk): HunkScan {
  const newSide = hunk.lines
    .filter((l) => l.kind === 'add' || l.kind === 'context')
    .map((l) => ({ text: l.text, line: l.newLine ?? 0, keep: l.kind === 'add' }));
  const oldSide = hunk.lines
    .filter((l) => l.kind === 'remove' || l.kind === 'context')
    .map((l) => ({ text: l.text, line: l.oldLine ?? 0, keep: l.kind === 'remove' }));
  const path = file.newPath ?? file.path;
  const next = scanSide(path, newSide, hunk.section);
  const prev = scanSide(file.oldPath ?? file.path, oldSide, hunk.section);
  return { added: next.kept, context: next.other, removed: prev.kept };
}

const keyOf = (d: { name: string; kind: SymbolKind; container?: string }): string => `${d.kind}:${d.container ?? ''}:${d.name}`;

/** The line with the name replaced, so `int foo(void)` and `int bar(void)` compare equal. */
function shapeOf(text: string, name: string): string {
  return text.replace(new RegExp(`\\b${name}\\b`, 'g'), '\u0000').replace(/\s+/g, ' ').trim();
}

/** Pairs a removed definition with an added one of the same kind and shape in the same file. */
function findRenames(removes: SymbolDef[], defines: SymbolDef[]): SymbolRename[] {
  const renames: SymbolRename[] = [];
  const taken = new Set<SymbolDef>();
  for (const r of removes) {
    const match = defines.find((d) => !taken.has(d) && d.kind === r.kind && d.container === r.container &&
      d.file === r.file && shapeOf(d.text, d.name) === shapeOf(r.text, r.name));
    if (!match) continue;
    taken.add(match);
    renames.push({ from: r.name, to: match.name, kind: r.kind, file: match.file, line: match.line });
  }
  return renames;
}

function firstByKey(defs: SymbolDef[]): Map<string, SymbolDef> {
  const out = new Map<string, SymbolDef>();
  for (const d of defs) if (!out.has(keyOf(d))) out.set(keyOf(d), d);
  return out;
}

/** The symbol index of one patch. */
export function indexPatchSymbols(patch: Patch): PatchSymbols {
  const scans = patch.files
    .filter((f) => isCSource(f.newPath ?? f.path) || isCSource(f.oldPath ?? f.path))
    .flatMap((f) => f.hunks.map((h) => scanHunk(f, h)));
  const added = firstByKey(scans.flatMap((s) => s.added.defs));
  const removed = firstByKey(scans.flatMap((s) => s.removed.defs));
  const defines = [...added].filter(([k]) => !removed.has(k)).map(([, d]) => d);
  const removes = [...removed].filter(([k]) => !added.has(k)).map(([, d]) => d);
  const changes = [...added].filter(([k]) => removed.has(k)).map(([, d]) => d);
  return {
    index: patch.index,
    defines,
    removes,
    changes,
    renames: findRenames(removes, defines),
    uses: scans.flatMap((s) => s.added.uses),
    contextUses: scans.flatMap((s) => s.context.uses),
    memberUses: scans.flatMap((s) => s.added.members),
    removedUses: scans.flatMap((s) => s.removed.uses),
  };
}

/** The symbol index of every patch of a series, in order. */
export function indexSeriesSymbols(patches: readonly Patch[]): PatchSymbols[] {
  return patches.map(indexPatchSymbols);
}
