/**
 * A clock of this process's CPU time (user + system), in milliseconds. Budgets in tests that guard
 * against a quadratic path are measured with it, not with the wall clock: other suites and other
 * work on the same two cores stretch wall time, not the work the code under test does.
 */
export function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
