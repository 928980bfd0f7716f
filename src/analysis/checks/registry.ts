import type { CheckInfo } from './check.js';
import { typeFromId } from './check.js';
import { badFixesTag } from './bad-fixes-tag.js';
import { badLinkTag } from './bad-link-tag.js';
import { badReportedByLink } from './bad-reported-by-link.js';
import { coDevelopedByWithoutSignOff } from './co-developed-by-without-sign-off.js';
import { commitLogLongLine } from './commit-log-long-line.js';
import { corruptedPatch } from './corrupted-patch.js';
import { diffInCommitMsg } from './diff-in-commit-msg.js';
import { diffstatMismatch } from './diffstat-mismatch.js';
import { dosLineEndings } from './dos-line-endings.js';
import { duplicateSignature } from './duplicate-signature.js';
import { fromSignOffMismatch } from './from-sign-off-mismatch.js';
import { gitCommitId } from './git-commit-id.js';
import { filePathChanges } from './file-path-changes.js';
import { repeatedWord } from './repeated-word.js';
import { commitLogUseLink, commitLogVersioning, preferLoreArchive } from './commit-log-links.js';
import { missingFixesTag } from './missing-fixes-tag.js';
import { codeIndent, spacingFunctionName, spacingParenthesis, unspecifiedInt } from './c-style-checks.js';
import { typoSpelling } from './typo-spelling.js';
import { addedTodo } from './added-todo.js';
import { duplicatedAddedBlock } from './duplicated-added-block.js';
import { freeFamilyMismatch } from './free-family-mismatch.js';
import { emptyReleaseCallback } from './empty-release-callback.js';
import { useNegativeErrno } from './use-negative-errno.js';
import { splitString } from './split-string.js';
import { functionArguments } from './function-arguments.js';
import { positiveReturnErrnoFunction } from './positive-return-errno-function.js';
import { bufferLengthMismatch } from './buffer-length-mismatch.js';
import { derefBeforeNullCheck } from './deref-before-null-check.js';
import { nullCheckThenDeref } from './null-check-then-deref.js';
import { longLine, longLineComment, longLineString } from './long-line.js';
import { missingBaseCommit } from './missing-base-commit.js';
import { missingCommitDescription } from './missing-commit-description.js';
import { missingEofNewline } from './missing-eof-newline.js';
import { missingSignoff } from './missing-signoff.js';
import { noAuthorSignOff } from './no-author-sign-off.js';
import { notUnifiedDiff } from './not-unified-diff.js';
import { senderSignOffNotLast } from './sender-sign-off-not-last.js';
import { seriesDuplicatePatch } from './series-duplicate-patch.js';
import { seriesMissingCover } from './series-missing-cover.js';
import { seriesNumberingGap } from './series-numbering-gap.js';
import { seriesTotalMismatch } from './series-total-mismatch.js';
import { spaceBeforeTab } from './space-before-tab.js';
import { spdxLicenseTag } from './spdx-license-tag.js';
import { subjectNoSubsystem } from './subject-no-subsystem.js';
import { subjectPrefixInconsistent } from './subject-prefix-inconsistent.js';
import { subjectTooLong } from './subject-too-long.js';
import { subjectTrailingPeriod } from './subject-trailing-period.js';
import { trailerKeyCasing } from './trailer-key-casing.js';
import { trailerMalformed } from './trailer-malformed.js';
import { trailerMissingEmail } from './trailer-missing-email.js';
import { trailingWhitespace } from './trailing-whitespace.js';
import { unicodeControlChar } from './unicode-control-char.js';

/** Every check, in the order their findings are listed for one line: series, subject, message, trailers, diff. */
export const CHECKS = [
  seriesNumberingGap,
  seriesDuplicatePatch,
  seriesTotalMismatch,
  seriesMissingCover,
  missingBaseCommit,
  subjectPrefixInconsistent,
  subjectTooLong,
  subjectNoSubsystem,
  subjectTrailingPeriod,
  missingCommitDescription,
  commitLogLongLine,
  diffInCommitMsg,
  gitCommitId,
  commitLogVersioning,
  commitLogUseLink,
  preferLoreArchive,
  missingFixesTag,
  repeatedWord,
  typoSpelling,
  missingSignoff,
  noAuthorSignOff,
  fromSignOffMismatch,
  senderSignOffNotLast,
  trailerMalformed,
  trailerKeyCasing,
  trailerMissingEmail,
  coDevelopedByWithoutSignOff,
  duplicateSignature,
  badFixesTag,
  badReportedByLink,
  badLinkTag,
  notUnifiedDiff,
  corruptedPatch,
  diffstatMismatch,
  filePathChanges,
  spdxLicenseTag,
  longLine,
  longLineString,
  longLineComment,
  trailingWhitespace,
  spaceBeforeTab,
  codeIndent,
  spacingParenthesis,
  spacingFunctionName,
  unspecifiedInt,
  splitString,
  functionArguments,
  addedTodo,
  duplicatedAddedBlock,
  freeFamilyMismatch,
  emptyReleaseCallback,
  useNegativeErrno,
  positiveReturnErrnoFunction,
  bufferLengthMismatch,
  derefBeforeNullCheck,
  nullCheckThenDeref,
  dosLineEndings,
  missingEofNewline,
  unicodeControlChar,
] as const;

/** Not a check: what a check that threw becomes, so one bug does not hide every other finding (b4). */
export const CHECK_CRASHED: CheckInfo<'check-crashed'> = {
  id: 'check-crashed',
  severity: 'error',
  checkpatchType: typeFromId('check-crashed'),
  description: 'a check threw instead of returning findings; the input could not be fully checked',
};

export type CheckId = (typeof CHECKS)[number]['id'] | typeof CHECK_CRASHED.id;

const INFO_BY_ID = new Map<string, CheckInfo>([...CHECKS, CHECK_CRASHED].map((c) => [c.id, c]));

/** The registry entry of a finding id, or undefined for findings from other analyses (apply, deps, refmodel). */
export function checkInfo(id: string): CheckInfo | undefined {
  return INFO_BY_ID.get(id);
}

/** The checkpatch TYPE a finding is reported as: its own (a checkpatch.pl finding), its check's, or one from its id. */
export function findingType(f: { id: string; type?: string }): string {
  return f.type ?? INFO_BY_ID.get(f.id)?.checkpatchType ?? typeFromId(f.id);
}

export function isCheckId(id: string): id is CheckId {
  return INFO_BY_ID.has(id);
}
