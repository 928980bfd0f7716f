/**
 * Pass 2 of the two-pass `show` on more than one thread: `threads` workers build series jobs in batches while
 * this thread builds them one at a time as well, so both cores decode. Each series lands at its own place, so
 * the output does not depend on which thread built what.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toShowSeries, type ShowSeries } from '../series/index.js';
import { MessageRereader, TwoPassMismatch, buildSeriesJob, type SeriesJob, type SplitAs } from './series-job.js';
import { compiledWorkerUrl } from './workers/worker-url.js';

/** What a worker answers for one batch. */
export type SeriesReply =
  | { kind: 'built'; results: { place: number; series: ShowSeries }[] }
  | { kind: 'failed'; mismatch: boolean; message: string };

/** Jobs per message to a worker, and batches a worker holds at once (one building, one waiting). */
const BATCH = 4;
const AHEAD = 2;

/**
 * None on two cores or fewer, as the index decides (index-archives.ts defaultThreads): on this project's 2-core
 * machine, under the load of other work, one worker beside the main thread gained 3-6% in pass 2 of the 230 MB
 * linaro-mm-sig archive while adding 20-45 MB of peak RSS (to 280-290 MB, at the 300 MB goal). With more cores,
 * one worker.
 */
export function defaultShowThreads(cores: number = availableParallelism()): number {
  return cores > 2 ? 1 : 0;
}

export async function runSeriesJobs(
  jobs: SeriesJob[], split: SplitAs, threads: number, onSeries: (place: number, series: ShowSeries) => void, afterEach: () => void,
): Promise<void> {
  const reader = new MessageRereader(split);
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const settle = (): void => {
    if (failure !== null || done === jobs.length) finished();
  };
  const workers = Array.from({ length: threads }, () => {
    const slot = { worker: new Worker(compiledWorkerUrl(new URL('./series-worker.js', import.meta.url), 'series worker'), { workerData: split }), inFlight: 0 };
    const feed = (): void => {
      while (failure === null && slot.inFlight < AHEAD && next < jobs.length) {
        slot.worker.postMessage(jobs.slice(next, (next = Math.min(jobs.length, next + BATCH))));
        slot.inFlight += 1;
      }
    };
    slot.worker.on('message', (reply: SeriesReply) => {
      slot.inFlight -= 1;
      if (reply.kind === 'failed') failure ??= reply.mismatch ? new TwoPassMismatch(reply.message) : new Error(`series worker failed: ${reply.message}`);
      else {
        for (const r of reply.results) onSeries(r.place, r.series);
        done += reply.results.length;
        afterEach();
        feed();
      }
      settle();
    });
    slot.worker.on('error', (e) => {
      failure ??= e;
      settle();
    });
    feed();
    return slot;
  });
  try {
    while (failure === null && next < jobs.length) {
      const job = jobs[next++] as SeriesJob;
      onSeries(job.place, toShowSeries(await buildSeriesJob(job, reader)));
      done += 1;
      afterEach();
      // Let the workers' answers in, so that they get their next batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
    settle();
    await allDone;
  } finally {
    reader.close();
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
  if (failure !== null) throw failure;
}
