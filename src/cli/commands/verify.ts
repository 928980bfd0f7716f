import { replayCounterexample, loadBindingFile, loadSequenceFile } from '../../analysis/refmodel/index.js';
import { formatVerifyText, formatReplayText, stringifyJsonSafe } from '../../present/report/index.js';
import type { Command } from '../args.js';
import { BUNDLED_INPUT } from '../args.js';
import { BUNDLED_SEQUENCE } from '../bundled.js';
import { loadInput } from '../context.js';
import { verifyFor } from '../review.js';
import { EXIT_OK, EXIT_FINDINGS, type ExitCode } from '../exit-codes.js';

export async function runVerify(cmd: Extract<Command, { kind: 'verify' }>): Promise<ExitCode> {
  const sequencePath = cmd.sequence ?? BUNDLED_SEQUENCE;
  if (cmd.replay !== null) {
    const file = loadSequenceFile(sequencePath, cmd.binding ? loadBindingFile(cmd.binding) : undefined);
    const result = replayCounterexample(file.sequences, cmd.replay);
    process.stdout.write(cmd.json ? stringifyJsonSafe(result) : formatReplayText(result, { fullStates: cmd.fullStates }));
    return result.violations.length ? EXIT_FINDINGS : EXIT_OK;
  }
  // The binding is checked against INPUT, or against the bundled series for the bundled sequences.
  const input = cmd.input ?? (cmd.sequence === null ? BUNDLED_INPUT : null);
  const set = input === null ? null : await loadInput(input, cmd.common);
  const verdicts = verifyFor(input ?? '', sequencePath, set, { depth: cmd.depth ?? undefined, binding: cmd.binding, sequenceNamed: cmd.sequence !== null });
  if (verdicts === null) return EXIT_OK;
  const { report } = verdicts;
  process.stdout.write(cmd.json ? stringifyJsonSafe(report) : formatVerifyText(report, { fullStates: cmd.fullStates }));
  return report.ok && report.binding.mismatches.length === 0 ? EXIT_OK : EXIT_FINDINGS;
}
