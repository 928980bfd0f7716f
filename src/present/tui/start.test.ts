// Keys typed before Ink loads (start.ts readEarlyKeys): read as they come, given back in order to the
// stream Ink reads, ^C said at once. The whole path in a real terminal: test/tui-early-keys.test.ts.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { readEarlyKeys } from './start.js';

const keyboard = () => new PassThrough() as unknown as NodeJS.ReadStream & PassThrough;
const turn = () => new Promise((r) => setImmediate(r));

describe('keys typed before Ink loads', () => {
  it('are read while they come and handed to the next reader first, in order', async () => {
    const stdin = keyboard();
    const handOver = readEarlyKeys(stdin, () => {});
    stdin.write('j');
    stdin.write('\x1b[B');
    stdin.write('k');
    await turn();
    // Read already: nothing waits in the stream until the hand-over.
    expect(stdin.readableLength).toBe(0);
    handOver(true);
    stdin.write('G');
    await turn();
    expect(String(stdin.read())).toBe('j\x1b[BkG');
  });

  it('say ^C at once and keep it for Ink too', async () => {
    const stdin = keyboard();
    let quits = 0;
    const handOver = readEarlyKeys(stdin, () => quits++);
    stdin.write('j');
    await turn();
    expect(quits).toBe(0);
    stdin.write('\x03');
    await turn();
    expect(quits).toBe(1);
    handOver(true);
    expect(String(stdin.read())).toBe('j\x03');
  });

  it('hand over once: a second call gives nothing back twice', async () => {
    const stdin = keyboard();
    const handOver = readEarlyKeys(stdin, () => {});
    stdin.write('jj');
    await turn();
    handOver(true);
    handOver(true);
    expect(String(stdin.read())).toBe('jj');
    expect(stdin.read()).toBeNull();
  });
});
