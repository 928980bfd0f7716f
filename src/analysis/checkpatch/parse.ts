import type { Severity } from '../findings.js';

/** One line of `checkpatch.pl --terse --show-types`: `FILE:LINE: LEVEL:TYPE: message`. */
export interface CheckpatchLine {
  line: number;
  severity: Severity;
  type: string;
  message: string;
}

const TERSE = /^.*?:(\d+): (ERROR|WARNING|CHECK):([A-Z0-9_]+): (.*)$/;
const LEVEL: Record<string, Severity> = { ERROR: 'error', WARNING: 'warning', CHECK: 'check' };

export function parseTerse(stdout: string): CheckpatchLine[] {
  return stdout.split('\n').flatMap((text) => {
    const m = TERSE.exec(text);
    return m ? [{ line: Number(m[1]), severity: LEVEL[m[2]!]!, type: m[3]!, message: m[4]! }] : [];
  });
}
