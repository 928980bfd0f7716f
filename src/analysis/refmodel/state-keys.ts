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

/** Bits per digit: 2 for gen|revoked, then one digit each for saw, fault and every slot. */
const DIGIT = 1024;
const MAX_SLOTS = 3; // 2 + 10 × (2 + 3) = 52 bits
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
    // Digits from the most significant: saw, fault, slot n-1 … slot 0, then gen|revoked. The usual
    // state (no fault, few ids) then stays below 2^30, a small integer for V8's Set.
    const fault = state.fault === null ? 0 : this.name(state.fault);
    const saw = state.exporterSawDomain === null ? 0 : this.name(state.exporterSawDomain);
    if (fault >= DIGIT || saw >= DIGIT) return -1;
    let key = saw * DIGIT + fault;
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
    return key * 4 + (state.gen | (state.revoked ? 2 : 0));
  }

  /** 1, 2, … per distinct string (0 is null). */
  private name(value: string): number {
    let id = this.names.get(value);
    if (id === undefined) this.names.set(value, (id = this.names.size + 1));
    return id;
  }
}
