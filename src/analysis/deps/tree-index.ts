/**
 * The watched identifiers defined and used in every C file of a tree, kept up to date patch by
 * patch: after a patch only the files it touched are read again. Only the names a series
 * defines or removes are kept, and a file that mentions none of them is not scanned at all, so
 * a full kernel tree costs one regex test per file and little memory. The I/O edge of bisect.
 */
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Patch } from '../../series/index.js';
import { isCSource, scanFileText, type FieldInit, type SymbolDef, type SymbolUse } from './symbols.js';

export interface FileSymbols {
  /** Names defined in the file (fields excluded: they live in their struct's namespace). */
  defines: Set<string>;
  /** The fields of each struct and union defined in the file. */
  fields: Map<string, Set<string>>;
  uses: SymbolUse[];
  /** Designated initializers (`.x = …` in `struct T v = {`). */
  inits: FieldInit[];
}

/** What bisect watches: symbol names, field names, and the structs those fields belong to. */
export interface WatchList {
  names: ReadonlySet<string>;
  fields: ReadonlySet<string>;
  records: ReadonlySet<string>;
}

export interface TreeIndex {
  watch: WatchList;
  /** Matches a file that mentions any watched word; null when nothing is watched. */
  mentions: RegExp | null;
  files: Map<string, FileSymbols>;
}

function mentionsPattern(watch: WatchList): RegExp | null {
  const words = [...new Set([...watch.names, ...watch.fields, ...watch.records])];
  return words.length === 0 ? null : new RegExp(`\\b(?:${words.join('|')})\\b`);
}

function scanFile(index: TreeIndex, root: string, path: string): FileSymbols | null {
  const full = join(root, path);
  if (!existsSync(full) || !lstatSync(full).isFile()) return null;
  const text = readFileSync(full, 'utf8');
  if (index.mentions === null || !index.mentions.test(text)) return null;
  const { defs, uses, inits } = scanFileText(path, text);
  const { names, fields } = index.watch;
  return {
    defines: new Set(defs.filter((d) => d.kind !== 'field' && names.has(d.name)).map((d) => d.name)),
    fields: fieldsByRecord(defs, index.watch.records),
    uses: uses.filter((u) => names.has(u.name)),
    inits: inits.filter((i) => fields.has(i.field)),
  };
}

function fieldsByRecord(defs: readonly SymbolDef[], records: ReadonlySet<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const d of defs) {
    if ((d.kind === 'struct' || d.kind === 'union') && records.has(d.name)) out.set(d.name, out.get(d.name) ?? new Set());
    if (d.kind === 'field' && d.container && records.has(d.container)) out.set(d.container, (out.get(d.container) ?? new Set()).add(d.name));
  }
  return out;
}

function listCFiles(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listCFiles(root, full, out);
    else if (entry.isFile() && isCSource(entry.name)) out.push(relative(root, full).split(sep).join('/'));
  }
}

/** Reads every C file under `root`, keeping what `watch` names. */
export function indexTree(root: string, watch: WatchList): TreeIndex {
  const paths: string[] = [];
  listCFiles(root, root, paths);
  const index: TreeIndex = { watch, mentions: mentionsPattern(watch), files: new Map() };
  for (const path of paths) {
    const scanned = scanFile(index, root, path);
    if (scanned) index.files.set(path, scanned);
  }
  return index;
}

/** Re-reads the files a patch touched (both names of a rename); deleted files leave the index. */
export function updateTreeIndex(index: TreeIndex, root: string, patch: Patch): void {
  const paths = new Set(patch.files.flatMap((f) => [f.path, f.oldPath, f.newPath]).filter((p): p is string => !!p));
  for (const path of paths) {
    if (!isCSource(path)) continue;
    const scanned = scanFile(index, root, path);
    if (scanned) index.files.set(path, scanned);
    else index.files.delete(path);
  }
}

/** Every watched name defined somewhere in the tree. */
export function definedNames(index: TreeIndex): Set<string> {
  const all = new Set<string>();
  for (const f of index.files.values()) for (const n of f.defines) all.add(n);
  return all;
}

function recordFields(index: TreeIndex): Map<string, Set<string>> {
  const all = new Map<string, Set<string>>();
  for (const f of index.files.values()) {
    for (const [record, fields] of f.fields) all.set(record, new Set([...(all.get(record) ?? []), ...fields]));
  }
  return all;
}

/**
 * What a build of this tree would break on: uses of watched names that no file defines, and
 * designated initializers of watched fields in a struct of the tree that no longer has that
 * field. Member accesses (`x->dev`) are not judged: without types they cannot be attributed.
 */
export function undefinedUses(index: TreeIndex): SymbolUse[] {
  const defined = definedNames(index);
  const records = recordFields(index);
  const out: SymbolUse[] = [];
  for (const f of index.files.values()) {
    for (const u of f.uses) if (!defined.has(u.name)) out.push(u);
    for (const i of f.inits) {
      const fields = records.get(i.type);
      if (fields && !fields.has(i.field)) out.push({ name: i.field, file: i.file, line: i.line, member: true });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
