/**
 * One buffer lent again and again for bytes that are turned into a string at once and then dropped (a
 * transfer-decoded body). A fresh buffer per body is a malloc whose pages the allocator hands back to the
 * system and faults in again for the next one, and on our 2-core VM a page fault costs ~13 µs (issue 18).
 */
export class Scratch {
  private bytes = Buffer.allocUnsafeSlow(0);

  /** A buffer of at least `size` bytes; its contents are the caller's until the next `lend`. */
  lend(size: number): Buffer {
    if (this.bytes.length < size) this.bytes = Buffer.allocUnsafeSlow(Math.max(size, 2 * this.bytes.length, 64 * 1024));
    return this.bytes;
  }
}
