// Shared by this folder's tests: a small but complete ReportInput built from literal mail.
import type { Finding } from '../../analysis/index.js';
import { seriesFromLiteral } from '../../analysis/versions/index.js';
import type { SeriesSet } from '../../series/index.js';
import type { VerifyReport } from '../../analysis/refmodel/index.js';
import type { ReportInput } from './report-input.js';

/** A model report of the shape verifySequences returns: one sequence, step 2 violates HIDE_PHYS. */
export function demoVerify(): VerifyReport {
  const step = (name: string, fail: boolean) => ({
    name, patches: fail ? [21, 22] : [1, 2], planned: [], verdict: fail ? 'fail' as const : 'pass' as const,
    invariants: [{
      name: 'HIDE_PHYS' as const, holds: !fail,
      counterexample: fail ? {
        invariant: 'HIDE_PHYS' as const, message: 'iommufd received a PAL', depth: 2, exporter: 'vfio-pci', buffer: 0,
        importers: ['iommufd'], initial: {}, replay: 'posted:2:vfio-pci:0:iommufd:attach,map',
        trace: [{ n: 1, label: 'attach(vfio-pci→iommufd, pal)', changes: ['iommufd.attach: detached → attached pal'], state: {} },
          { n: 2, label: 'map(vfio-pci→iommufd, pal)', changes: ['iommufd.mapping: - → pal'], state: {} }],
      } : null,
    }],
    driverBurden: { exporters: {}, total: fail ? 7 : 4 }, states: 12, statesExplored: 12, ms: fail ? 5 : 3, groups: 1,
  });
  return {
    schema: 1, depth: 6, maxGroup: 2, strategy: 'reference', binding: { mismatches: [] }, states: 24, ms: 8, statesPerSecond: 3000, ok: false,
    sequences: [{ name: 'posted', description: 'The series as posted.', expect: 'pass', expectViolated: [], outcome: 'fail', asExpected: false, firstViolations: [{ invariant: 'HIDE_PHYS', step: 2 }],
      steps: [step('sgt', false), step('pal', true)] }],
  };
}

const diff = (file: string) => `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1 +1 @@\n-a\n+b\n`;
const sob = 'Signed-off-by: Ann Author <ann@example.org>';
const rita = { name: 'Rita Reviewer', email: 'rita@example.com' };

export function demoSet(): SeriesSet {
  const series = seriesFromLiteral({
    title: 'Add widget mapping types and convert the frobnicator drivers to use them', rfc: true,
    patches: [
      { subject: 'widget: Introduce mapping types', diff: diff('drivers/widget/map.c'), message: `Intro.\n\n${sob}`,
        replies: [{ from: rita, text: 'Reviewed-by: Rita Reviewer <rita@example.com>' }] },
      { subject: 'widget: include \x1b]0;pwned\x07<linux/widget.h> \u202eevil', diff: diff('include/linux/widget.h'), message: `Header.\n\n${sob}`,
        replies: [{ from: rita, text: 'The lock in this path is never taken; please fix.' }] },
      { subject: '# not a heading - and * not a list', diff: diff('drivers/widget/core.c'), message: `Core.\n\n${sob}` },
    ],
    coverReplies: [{ from: { name: 'Vic Viewer', email: 'vic@example.com' }, text: 'Like the approach.\n\nAcked-by: Vic Viewer <vic@example.com>' }],
  });
  return { messages: 8, series: [series], unthreaded: ['stray@example.org'], skipped: [], notes: ['duplicate Message-ID <dup@example.org>'] };
}

export const demoFindings: Finding[] = [
  { id: 'trailing-whitespace', severity: 'warning', where: { patch: 3, file: 'drivers/widget/core.c', line: 1, bodyLine: 9 }, message: 'trailing whitespace', excerpt: '+b ' },
  { id: 'missing-signoff', severity: 'error', where: { patch: 2, messageId: 'x' }, message: 'no Signed-off-by from the author' },
  { id: 'series-missing-cover', severity: 'check', where: {}, message: 'a very long message that goes on and on to make sure that wrapping of list items happens at seventy-two columns' },
];

export function demoInput(): ReportInput {
  return {
    set: demoSet(), findings: [...demoFindings],
    verify: demoVerify(),
  };
}
