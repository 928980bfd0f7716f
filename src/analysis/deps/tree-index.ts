/**
 * The identifiers defined and used in every C file of a tree, kept up to date patch by patch:
 * after a patch only the files it touched are read again. This is the I/O edge of bisect.
 */
import { existsSync, lstatSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Patch } from '../../series/types.js';
import { isCSource, scanFileText, type SymbolUse } from './symbols.js';

export interface FileSymbols {
  /** Names defined in the file (fields excluded: they live in their struct's namespace). */
  defines: Set<string>;
  uses: SymbolUse[];
}

export type TreeIndex = Map<string, FileSymbols>;

function scanFile(root: string, path: string): FileSymbols | null {
  const full = join(root, path);
  if (!existsSync(full) || !lstatSync(full).isFile()) return null;
  const { defs, uses } = scanFileText(path, readFileSync(full, 'utf8'));
  return { defines: new Set(defs.filter((d) => d.kind !== 'field').map((d) => d.name)), uses };
}

function listCFiles(root: string, dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listCFiles(root, full, out);
    else if (entry.isFile() && isCSource(entry.name)) out.push(relative(root, full).split(sep).join('/'));
  }
}

/** Reads every C file under `root`. */
export function indexTree(root: string): TreeIndex {
  const files: string[] = [];
  listCFiles(root, root, files);
  const index: TreeIndex = new Map();
  for (const path of files) {
    const scanned = scanFile(root, path);
    if (scanned) index.set(path, scanned);
  }
  return index;
}

/** Re-reads the files a patch touched (both names of a rename); deleted files leave the index. */
export function updateTreeIndex(index: TreeIndex, root: string, patch: Patch): void {
  const paths = new Set(patch.files.flatMap((f) => [f.path, f.oldPath, f.newPath]).filter((p): p is string => !!p));
  for (const path of paths) {
    if (!isCSource(path)) continue;
    const scanned = scanFile(root, path);
    if (scanned) index.set(path, scanned);
    else index.delete(path);
  }
}

/** Every name defined somewhere in the tree. */
export function definedNames(index: TreeIndex): Set<string> {
  const all = new Set<string>();
  for (const f of index.values()) for (const n of f.defines) all.add(n);
  return all;
}

/** Uses of `names` that no file of the tree defines: what a build of this tree would break on. */
export function undefinedUses(index: TreeIndex, names: ReadonlySet<string>): SymbolUse[] {
  const defined = definedNames(index);
  const out: SymbolUse[] = [];
  for (const f of index.values()) {
    for (const u of f.uses) if (names.has(u.name) && !defined.has(u.name)) out.push(u);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
