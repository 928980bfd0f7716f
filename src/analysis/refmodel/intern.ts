/**
 * Short hash keys for the explorer. Each distinct value gets a small id once, so state keys stay short
 * and Set lookups cheap. Only equality matters (ids never reach output), so creation order leaks nowhere.
 */
const interned = new Map<string, number>([['', 0]]);

/** A small number per distinct string; the empty string is 0. */
export function intern(value: string): number {
  let id = interned.get(value);
  if (id === undefined) interned.set(value, (id = interned.size));
  return id;
}

/**
 * A number per distinct spec value. Specs are immutable, so each object is serialised once (WeakMap);
 * equal specs built separately (two sequences from one base) share a number.
 */
const specIds = new WeakMap<object, number>();
const idsByValue = new Map<string, number>();

export function specId(spec: object): number {
  let id = specIds.get(spec);
  if (id === undefined) {
    const value = JSON.stringify(spec);
    id = idsByValue.get(value) ?? idsByValue.size + 1;
    idsByValue.set(value, id);
    specIds.set(spec, id);
  }
  return id;
}
