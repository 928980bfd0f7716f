import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { liveTempDirs, makeTempDir, removeTempDir } from './temp-dirs.js';

describe('temporary folders', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('are removed on %s, leaving the signal to the other listener', (signal) => {
    // A listener of our own stands in for the CLI's, so the re-raise does not end the test run.
    let received = 0;
    const other = (): void => { received += 1; };
    process.on(signal, other);
    try {
      const dir = makeTempDir('signal');
      writeFileSync(join(dir, 'f'), 'x');
      process.emit(signal, signal);
      expect(existsSync(dir)).toBe(false);
      expect(liveTempDirs()).toEqual([]);
      expect(received).toBe(1);
    } finally {
      process.removeListener(signal, other);
    }
  });

  it('are forgotten once removed, and removing twice is harmless', () => {
    const dir = makeTempDir('twice');
    expect(liveTempDirs()).toContain(dir);
    removeTempDir(dir);
    removeTempDir(dir);
    expect(liveTempDirs()).not.toContain(dir);
    expect(existsSync(dir)).toBe(false);
  });
});
