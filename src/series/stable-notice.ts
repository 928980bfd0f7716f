/**
 * The stable team's notices about a patch: "Patch "X" has been added to the 6.1-stable tree",
 * "… has been removed from …", "FAILED: patch "X" failed to apply to 5.10-stable tree". Each
 * carries the patch it is about, diff included, so by its diff alone it would be taken for a
 * one-patch series; but it is mail about a patch already merged, not a version of any series.
 * The one rule, used by series grouping (show, the TUI) and by the archive index (find) alike
 * through classify(): a notice is never a series' patch; it stays a message, placed under what
 * it replies to like any other.
 */
const NOTICE =
  /^(?:FAILED: )?patch "[^]*" (?:has been added to|has been removed from|added to|failed to apply to) (?:the )?[\w.]+-stable(?: tree| queue)?$/i;

/** Whether a subject summary (reply markers and bracketed prefixes stripped) is a stable-tree notice. */
export function isStableNotice(summary: string): boolean {
  return NOTICE.test(summary.trim());
}
