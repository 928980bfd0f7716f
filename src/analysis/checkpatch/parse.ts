import type { Severity } from '../findings.js';

/** One line of `checkpatch.pl --terse --show-types`: `FILE:LINE: LEVEL:TYPE: message`. */
export interface CheckpatchLine {
  /** The file checkpatch was given (it checks several per run). */
  file: string;
  line: number;
  severity: Severity;
  type: string;
  message: string;
}

const TERSE = /^(.*?):(\d+): (ERROR|WARNING|CHECK):([A-Z0-9_]+): (.*)$/;
const LEVEL: Record<string, Severity> = { ERROR: 'error', WARNING: 'warning', CHECK: 'check' };

export function parseTerse(stdout: string): CheckpatchLine[] {
  return stdout.split('\n').flatMap((text) => {
    const m = TERSE.exec(text);
    return m ? [{ file: m[1]!, line: Number(m[2]), severity: LEVEL[m[3]!]!, type: m[4]!, message: m[5]! }] : [];
  });
}
