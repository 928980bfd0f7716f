/**
 * Ink decides once, when it is first imported, whether it runs "in CI" (a CI or
 * CONTINUOUS_INTEGRATION variable) and then draws no frame until exit. The TUI only starts with a
 * terminal on stdout, so a reviewer is looking at it whatever the variable says (a shell inside a
 * CI job, a tmux test under CI=true). Call this before anything imports Ink; this module imports
 * nothing of it, so it can.
 */
export function drawFramesEvenUnderCi(): void {
  for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (key in process.env) process.env[key] = 'false';
}
