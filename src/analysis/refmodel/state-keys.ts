/**
 * Numeric state keys for one exploration. `stateKey` builds a string per generated state and the
 * explorer's Set then hashes it; here a state becomes one integer (a double below 2^53) instead:
 * each slot's (status+match, mapping, domain) triple gets a small id local to the exploration, the
 * fault and the name of the importer whose domain the exporter saw get one too, and the key is those
 * ids in mixed radix. Two states get equal keys exactly when their `stateKey` strings are equal:
 * every field `stateKey` reads goes in, each in its own digit. When an id outgrows its digit (or a
 * group has more slots than fit), `key` answers -1 and the explorer falls back to `stateKey`.
 */
import type { ModelState } from './types.js';

/** Bits per digit: 11 for gen|revoked|locked|pending|lockOrder, then one digit for (saw, fault, lockFault) and one per slot. */
const DIGIT = 1024;
const MAX_SLOTS = 3; // 11 + 10 × (1 + 3) = 51 bits
/** Each part of a slot's triple must fit its share of a 52-bit number. */
const SLOT_KEY_LIMIT = 2 ** 20;
const PART_LIMIT = 2 ** 16;

export class StateKeys {
  private readonly triples = new Map<number, number>();
  private readonly names = new Map<string, number>();

  /** The state's key, or -1 when it does not fit a number (use `stateKey` then). */
  key(state: ModelState): number {
    const slots = state.slots;
    const n = slots.length;
    if (n > MAX_SLOTS || (state.gen !== 0 && state.gen !== 1)) return -1;
    // Digits from the most significant: (saw, fault, lockFault), slot n-1 … slot 0, then the flags.
    // The usual state (no fault, few ids) then stays below 2^31, a small integer for V8's Set.
    const flags = state.fault === null && state.exporterSawDomain === null && state.lockFault === null ? 0 : this.name(JSON.stringify([state.exporterSawDomain, state.fault, state.lockFault]));
    if (flags >= DIGIT) return -1;
    let key = flags;
    for (let i = n - 1; i >= 0; i--) {
      const slot = slots[i]!;
      const mappingKey = slot.mapping === null ? 0 : slot.mapping.key;
      const domainKey = state.domains[i]!.key;
      if (slot.key >= SLOT_KEY_LIMIT || mappingKey >= PART_LIMIT || domainKey >= PART_LIMIT) return -1;
      const triple = slot.key + SLOT_KEY_LIMIT * (mappingKey + PART_LIMIT * domainKey);
      let id = this.triples.get(triple);
      if (id === undefined) this.triples.set(triple, (id = this.triples.size));
      if (id >= DIGIT) return -1;
      key = key * DIGIT + id;
    }
    return key * 2048 + (state.gen | (state.revoked ? 2 : 0) | (state.locked ? 4 : 0) | (state.pending << 3) | (state.lockOrder << 5));
  }

  /** 1, 2, … per distinct string (0 is null). */
  private name(value: string): number {
    let id = this.names.get(value);
    if (id === undefined) this.names.set(value, (id = this.names.size + 1));
    return id;
  }
}
