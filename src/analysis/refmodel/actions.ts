/**
 * The operations the explorer may take on one buffer, as fast-check-style commands: a label, a
 * precondition and a pure transition. Labels are what traces print and what `--replay` accepts.
 */
import { accessSlot, attachedSlot, attachSlot, detachSlot, importerUnmap, mapSlot, moveBacking, restoreExporter, revokeExporter, unlockExporter, type LocalMapMemo, type LocalUnmapMemo, type MapMemo } from './core.js';
import type { ModelStrategy } from './strategy.js';
import type { Action, GroupModel, MappingType, ModelState } from './types.js';

/**
 * A transition that answers null when the kernel call would fail, behind its precondition. A class,
 * so every action has one shape and the explorer's `step` call site sees one function.
 */
class GuardedAction implements Action {
  constructor(
    readonly label: string,
    private readonly run: (s: ModelState) => ModelState | null,
    private readonly when: (s: ModelState) => boolean,
  ) {}

  step(s: ModelState): ModelState | null {
    return this.when(s) ? this.run(s) : null;
  }

  enabled(s: ModelState): boolean {
    return this.step(s) !== null;
  }

  apply(s: ModelState): ModelState {
    return this.step(s) ?? s;
  }
}

function action(label: string, step: (s: ModelState) => ModelState | null, when: (s: ModelState) => boolean): Action {
  return new GuardedAction(label, step, when);
}

function slotActions(model: GroupModel, i: number, strategy: ModelStrategy, memo: MapMemo, unmapped: LocalUnmapMemo): Action[] {
  const pair = `${model.exporter.name}→${model.importers[i]!.name}`;
  const slot = (s: ModelState) => s.slots[i]!;
  const attached = attachedSlot(model, i, strategy);
  const local: LocalMapMemo = new Map();
  const mapFor = (t: MappingType): Action =>
    action(`map(${pair}, ${t})`, (s) => mapSlot(s, i, model, strategy, memo, local), (s) => {
      const m = slot(s).match;
      return m !== null && m.ok && m.importerType === t;
    });
  const mapTypes = [...new Set(model.importers[i]!.accepts)];
  return [
    action(`attach(${pair})`, (s) => attachSlot(s, i, model, strategy, attached), (s) => slot(s).status === 'detached'),
    ...mapTypes.map(mapFor),
    action(`access(${pair})`, (s) => accessSlot(s, i, model), (s) => slot(s).mapping !== null),
    action(`unmap(${pair})`, (s) => importerUnmap(s, i, model, strategy, unmapped), (s) => slot(s).mapping !== null),
    action(`detach(${pair})`, (s) => detachSlot(s, i), (s) => slot(s).status === 'attached'),
  ];
}

/** `memo` may be shared by explorations that use the same strategy (verify shares one per run). */
export function buildActions(model: GroupModel, strategy: ModelStrategy, memo: MapMemo = new Map()): Action[] {
  const name = model.exporter.name;
  const exporterActions: Action[] = [];
  // Unmap depends on the domain and the mapping only (core.ts unmapSlot): one memo for the importers'
  // own unmaps and move_notify's.
  const unmapped: LocalUnmapMemo = new Map();
  // The exporter context: each operation runs under the lock, then `unlock` ends it (the second context).
  const idle = (s: ModelState): boolean => s.pending === 0;
  if (model.exporter.dynamic) exporterActions.push(action(`move(${name})`, (s) => moveBacking(s, model, strategy, unmapped), idle));
  if (model.exporter.revocable) {
    exporterActions.push(action(`revoke(${name})`, (s) => revokeExporter(s, model, strategy, unmapped), (s) => idle(s) && !s.revoked));
    exporterActions.push(action(`restore(${name})`, (s) => restoreExporter(s, model, strategy), (s) => idle(s) && s.revoked));
  }
  if (exporterActions.length > 0) exporterActions.push(action(`unlock(${name})`, (s) => unlockExporter(s), (s) => !idle(s)));
  return [...model.importers.flatMap((_, i) => slotActions(model, i, strategy, memo, unmapped)), ...exporterActions];
}

/** Labels accept `->` for `→`, so a replay string can be typed on any keyboard. */
export function normaliseLabel(label: string): string {
  return label.replace(/->/g, '→').replace(/\s*,\s*/g, ', ').trim();
}
