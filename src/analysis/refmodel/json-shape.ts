/**
 * Small readers for untrusted JSON: each takes a value and its JSON path and either returns a typed
 * value or throws an InputError naming the file, the path and the problem.
 */
import { InputError } from '../../util/errors.js';

export class JsonReader {
  constructor(readonly source: string) {}

  fail(path: string, problem: string): never {
    throw new InputError({ source: this.source, jsonPath: path }, problem);
  }

  object(v: unknown, path: string): Record<string, unknown> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, 'expected an object');
    return v as Record<string, unknown>;
  }

  array(v: unknown, path: string): unknown[] {
    if (!Array.isArray(v)) this.fail(path, 'expected an array');
    return v;
  }

  string(v: unknown, path: string): string {
    if (typeof v !== 'string') this.fail(path, 'expected a string');
    return v;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, 'expected true or false');
    return v;
  }

  /** A non-negative integer, written as a number or a `0x…` string (addresses read better in hex). */
  integer(v: unknown, path: string): number {
    const n = typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v) ? Number.parseInt(v.slice(2), 16) : v;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) this.fail(path, 'expected a non-negative integer (or a 0x… string)');
    return n;
  }

  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, what: string): T {
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.fail(path, `unknown ${what} ${JSON.stringify(v)} (known: ${allowed.join(', ')})`);
    }
    return v as T;
  }

  strings(v: unknown, path: string): string[] {
    return this.array(v, path).map((x, k) => this.string(x, `${path}[${k}]`));
  }

  /** An optional field: absent or undefined gives `fallback`. */
  optional<T>(obj: Record<string, unknown>, key: string, fallback: T, read: (v: unknown) => T): T {
    return obj[key] === undefined ? fallback : read(obj[key]);
  }
}
