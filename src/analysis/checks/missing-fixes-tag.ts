import { patchCheck } from './check.js';
import { commitMessageLines } from './commit-message.js';

/** What checkpatch takes for a bug fix in the message: a sanitizer report, a call trace, a stable Cc, syzkaller. */
const BUG_SIGN = /((?:(?:BUG: K.|UB)SAN: |Call Trace:|stable@|syzkaller))/;
const FIXES = /^\s*fixes:?\s*(?:commit\s*)?[0-9a-f]{5,40}/i;
const REVERT = /^This reverts commit/;

/** checkpatch's MISSING_FIXES_TAG: a fix (by those signs) without a Fixes: tag naming the commit it fixes. */
export const missingFixesTag = patchCheck({
  id: 'missing-fixes-tag',
  severity: 'warning',
  description: "the message shows a bug fix (a sanitizer report, Call Trace, Cc: stable, syzkaller) but has no 'Fixes:'",
  run(patch) {
    const lines = commitMessageLines(patch);
    const sign = lines.map((l) => BUG_SIGN.exec(l.text)?.[1]).find((s) => s !== undefined);
    if (sign === undefined || lines.some((l) => FIXES.test(l.text) || REVERT.test(l.text))) return [];
    return [{ message: `The commit message has '${sign}', perhaps it also needs a 'Fixes:' tag?` }];
  },
});
