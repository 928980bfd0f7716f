/**
 * Which patch added each line, followed through the series by hunk arithmetic alone (no base
 * tree needed): a later patch whose hunk removes or keeps as context a line an earlier patch
 * added depends on that patch, since `git apply` would not find its hunk without it.
 */
import type { DiffFile, Hunk, Patch } from '../../series/index.js';

export interface LineTouch {
  /** The patch that touches the line. */
  from: number;
  /** The patch that added it. */
  to: number;
  file: string;
  /** The line in the file as the touching patch sees it (old side). */
  line: number;
}

/** line number (in the current version of the file) → index of the patch that added it */
type Owners = Map<number, number>;

/** The last old-side line a hunk covers; a pure insertion (`-5,0`) covers nothing after line 5. */
function oldEnd(h: Hunk): number {
  return h.oldLines === 0 ? h.oldStart : h.oldStart + h.oldLines - 1;
}

/** Where old line `line` lands after the hunks, or null when a hunk removes it. */
function carry(line: number, hunks: readonly Hunk[]): number | null {
  let shift = 0;
  for (const h of hunks) {
    if (line > oldEnd(h)) { shift += h.newLines - h.oldLines; continue; }
    if (h.oldLines > 0 && line >= h.oldStart) {
      const hit = h.lines.find((l) => l.oldLine === line);
      return hit && hit.kind === 'context' ? hit.newLine : null;
    }
    break;
  }
  return line + shift;
}

function touchesOf(patch: Patch, file: DiffFile, owners: Owners): LineTouch[] {
  const out: LineTouch[] = [];
  for (const h of file.hunks) {
    for (const l of h.lines) {
      if (l.oldLine === null || (l.kind !== 'context' && l.kind !== 'remove')) continue;
      const owner = owners.get(l.oldLine);
      if (owner !== undefined) out.push({ from: patch.index, to: owner, file: file.oldPath ?? file.path, line: l.oldLine });
    }
  }
  return out;
}

function nextOwners(patch: Patch, file: DiffFile, owners: Owners): Owners {
  const hunks = [...file.hunks].sort((a, b) => a.oldStart - b.oldStart);
  const next: Owners = new Map();
  for (const [line, owner] of owners) {
    const moved = carry(line, hunks);
    if (moved !== null) next.set(moved, owner);
  }
  for (const h of hunks) for (const l of h.lines) if (l.kind === 'add' && l.newLine !== null) next.set(l.newLine, patch.index);
  return next;
}

/** Every (touching patch, adding patch) pair of the series, in patch order. */
export function lineTouches(patches: readonly Patch[]): LineTouch[] {
  const files = new Map<string, Owners>();
  const touches: LineTouch[] = [];
  for (const patch of patches) {
    for (const file of patch.files) {
      const before = file.oldPath ?? file.path;
      const owners = files.get(before) ?? new Map<number, number>();
      touches.push(...touchesOf(patch, file, owners));
      if (file.status === 'renamed') files.delete(before);
      if (file.status === 'deleted' || file.newPath === null) { files.delete(before); continue; }
      files.set(file.newPath ?? file.path, nextOwners(patch, file, owners));
    }
  }
  return touches;
}
