/**
 * A one-line counter on stderr for long work. Off when stderr is not a terminal or with --quiet,
 * so pipes, CI logs and tests see none of it. Redraws at most every 100 ms.
 */
export interface Progress {
  update(p: { messages: number; bytes: number; total?: number }): void;
  done(): void;
}

export function createProgress(label: string, opts: { quiet: boolean; stream?: NodeJS.WriteStream }): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.quiet || stream.isTTY !== true) return { update() {}, done() {} };
  const start = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update({ messages, bytes, total }) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const secs = Math.max((now - start) / 1000, 0.001);
      const mb = bytes / 1e6;
      // A download counts bytes before any message is read (`fetching: 1.2 MB, …`).
      let line = `${label}: ${messages > 0 ? `${messages} messages, ` : ''}${mb.toFixed(1)} MB, ${(mb / secs).toFixed(1)} MB/s`;
      if (total && total > bytes) line += `, ETA ${Math.ceil((total - bytes) / (bytes / secs))} s`;
      stream.write(`\r\x1b[K${line}`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
