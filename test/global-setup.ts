// CLI tests run the real binary (bin/patchscope → dist/). Build once per test run so they never
// exercise a stale dist/ left from an earlier `npm install`.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(__dirname, '..');
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', root], { stdio: 'inherit' });
}
