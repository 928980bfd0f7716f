import type { DiffFile } from '../../series/index.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit, addedLines, type AddedLine } from './diff-lines.js';

/**
 * The comment that must open line 1 of a file, by extension, as checkpatch and
 * Documentation/process/license-rules.rst give it: `/*` in headers and assembler, `//` in C, Rust and device
 * trees, `#` in scripts, `..` in reStructuredText. Other files are not checked.
 */
function commentFor(path: string, afterShebang: boolean): string | null {
  if (/\.(?:h|s|S)$/.test(path)) return '/*';
  if (/\.(?:c|rs|dts|dtsi)$/.test(path)) return '//';
  if (afterShebang || /\.(?:sh|pl|py|awk|tc|bconf)$/.test(path)) return '#';
  if (/\.rst$/.test(path)) return '..';
  return null;
}

/** The added line that must carry the tag: line 1, or line 2 after a `#!` line. */
function licenseLine(file: DiffFile, added: AddedLine[]): { line: AddedLine; afterShebang: boolean } | null {
  const first = added.find((a) => a.file === file && a.line.newLine === 1);
  if (!first) return null;
  if (!/^\s*#!\s*\//.test(first.line.text)) return { line: first, afterShebang: false };
  const second = added.find((a) => a.file === file && a.line.newLine === 2);
  return second ? { line: second, afterShebang: true } : null;
}

export const spdxLicenseTag = patchCheck({
  id: 'spdx-license-tag',
  severity: 'warning',
  description: 'a file whose first line is added does not start with an SPDX-License-Identifier comment',
  run(patch) {
    const added = addedLines(patch);
    return patch.files.flatMap((file): CheckHit[] => {
      const target = licenseLine(file, added);
      const comment = target && commentFor(file.path, target.afterShebang);
      if (!target || comment === null || target.line.line.text.startsWith(`${comment} SPDX-License-Identifier: `)) return [];
      const n = target.line.line.newLine;
      return [addedLineHit(target.line, `Missing or malformed SPDX-License-Identifier tag in line ${n}`)];
    });
  },
});
