/**
 * A bound on how much garbage the heap may gather between full collections, for work that streams through far
 * more memory than it keeps (the two-pass `show` of an archive). V8 lets old space grow to several times the live
 * set before it collects, and peak RSS followed that garbage, not what was kept: on the 230 MB linaro-mm-sig
 * archive, 366 MB peak with 40-60 MB live. Collecting when the heap has grown by half the live set (at least
 * `slack`) since the last collection brought it to about 270 MB; the cost stays linear, as each collection is
 * paid for by at least `slack` bytes of new allocation.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/** V8's full collection, exposed at run time (as `--expose-gc` would), or null where that is refused. */
function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  return collect;
}

const used = (): number => getHeapStatistics().used_heap_size;

export class HeapBound {
  private limit: number;

  constructor(private readonly slack = 48 * 1024 * 1024) {
    this.limit = used() + slack;
  }

  /** Collects now when the heap has grown past the bound since the last collection. */
  check(): void {
    if (used() < this.limit) return;
    const gc = collector();
    if (gc === null) return;
    gc();
    const live = used();
    this.limit = live + Math.max(this.slack, live / 2);
  }
}
