/** Test support: patch mails that add whole C files or functions, for the checks that read added function bodies. */
import { patchMail, type TestMail } from './test-series.test-util.js';

/** A diff creating `path` with these lines (tabs as written). */
export function newFileDiff(path: string, lines: readonly string[]): string {
  return [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    'index 0000000..1111111',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((l) => `+${l}`),
    '',
  ].join('\n');
}

/** Patch n of total, adding a new file. */
export function newFilePatch(path: string, lines: readonly string[], n = 1, total = 1): TestMail {
  return patchMail({ n, total, diff: newFileDiff(path, lines), summary: `dma-buf: heaps: part ${n}` });
}
