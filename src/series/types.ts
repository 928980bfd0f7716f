import type { Person, MessageOrigin, RawMessage, SkippedMessage } from '../ingest/index.js';
export type { Person, MessageOrigin };

/** A subject such as `[RFC PATCH net-next v2 03/26] subsys: summary`, taken apart as b4's LoreSubject does. */
export interface SubjectInfo {
  raw: string;
  /** The summary without reply markers and bracketed prefixes. */
  summary: string;
  /** `Re:`, `RE:`, `Aw:`, `Fwd:` … seen before the prefix. */
  isReply: boolean;
  /** Every word inside the brackets that is not a counter or a version (`PATCH`, `RFC`, `net-next`, `RESEND`). */
  prefixes: string[];
  isPatch: boolean;
  rfc: boolean;
  resend: boolean;
  version: number;
  /** True when no `vN` was given and version 1 was assumed. */
  versionInferred: boolean;
  /** `03` of `03/26`; null when the subject has no counter. */
  counter: number | null;
  total: number | null;
  /** True when no `N/M` was given and 1/1 was assumed (a single patch). */
  counterInferred: boolean;
}

/** Where a trailer was found. */
export type TrailerOrigin = 'patch' | 'cover' | 'reply';

export interface Trailer {
  /** Canonical case: `Signed-off-by`, `Reviewed-by`, `Fixes`, `Link` … Unknown keys keep their case. */
  key: string;
  value: string;
  /** The Message-ID of the message the trailer was written in (the patch, the cover, or a reply). */
  from: string;
  origin: TrailerOrigin;
  /** Parsed person for person trailers (`Name <mail>`), else null. */
  person: Person | null;
  /** 1-based line of the trailer within the message body, for findings. */
  line: number;
}

/**
 * How the original mail was addressed, as sent (headers decoded, unfolded), so a reply can answer it:
 * the header From (not an in-body From:), To, Cc, Reply-To, Mail-Followup-To, the Date header and References.
 */
export interface MailAddressing {
  from: Person | null;
  dateHeader: string | null;
  to: string;
  cc: string;
  replyTo: string;
  mailFollowupTo: string;
  /** Oldest first, without angle brackets. */
  references: string[];
}

/** Why a well-formed trailer line of a reply does not go onto the patch. */
export type IgnoredReason =
  /** A person trailer naming someone other than the reply's sender. */
  | 'sender-mismatch'
  /** `From:`, `Cc:`, `Subject:` … lines: commit metadata, not a review. */
  | 'metadata-key'
  /** No address and not a known non-person key, or a value with a web link. */
  | 'not-a-review-trailer'
  /** The reply carries a diff of its own (an inline fix-up): its trailers sign that diff. */
  | 'own-patch'
  /** An indented line: part of an excerpt the reply quotes (a `git log`, a commit), not a trailer it gives. */
  | 'indented'
  /** The message the reply answers is not in the input: which patch it reviews is unknown (b4 stops there too). */
  | 'parent-missing';

export interface IgnoredTrailer {
  trailer: Trailer;
  reason: IgnoredReason;
  sender: Person | null;
}

export type FileStatus = 'modified' | 'added' | 'deleted' | 'renamed' | 'copied';

export interface HunkLine {
  kind: 'context' | 'add' | 'remove' | 'no-newline';
  text: string;
  /** Line number in the old file (context/remove) and in the new file (context/add); null when absent. */
  oldLine: number | null;
  newLine: number | null;
  /** 1-based line within the message body, so findings point at `#N` as checkpatch does. */
  bodyLine: number;
}

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Text after the second `@@` (the function context git prints). */
  section: string;
  header: string;
  bodyLine: number;
  lines: HunkLine[];
}

export interface DiffFile {
  /** Path after the change (before it for a deletion), without `a/` `b/`. */
  path: string;
  oldPath: string | null;
  newPath: string | null;
  status: FileStatus;
  binary: boolean;
  oldMode: string | null;
  newMode: string | null;
  similarity: number | null;
  added: number;
  removed: number;
  hunks: Hunk[];
  /** 1-based line of the `diff --git` (or `---`) header within the body. */
  bodyLine: number;
}

/** The `---` section's diffstat as the sender's git printed it. */
export interface Diffstat {
  files: { path: string; changes: number; binary: boolean }[];
  filesChanged: number;
  insertions: number;
  deletions: number;
}

/** A disagreement between the diffstat and the parsed diff, kept for the checks to report. */
export interface DiffstatMismatch {
  path: string;
  stated: number | null;
  actual: number | null;
}

export interface Reply {
  messageId: string;
  subject: string;
  author: Person | null;
  date: string | null;
  /**
   * The Date as the sender wrote it (RFC 5322 text with their zone, e.g. `Tue, 06 Aug 2019 17:01:27 +0200`), as
   * `git am` records it; `date` is the same instant in UTC. Absent when there is no parseable Date.
   */
  dateWritten?: string;
  /** Message-ID of the message this one answers. */
  parentId: string | null;
  /** 1 for a direct reply to the patch or cover, 2 for a reply to that reply, … */
  depth: number;
  /** What the replier wrote, without the quoted lines and the attribution line. */
  newText: string;
  /** The quoted lines with their `>` markers removed, in order, one entry per contiguous block. */
  quoted: QuotedBlock[];
  /** Trailers given in this reply (b4 collects these), attributed to it. */
  trailers: Trailer[];
  origin: MessageOrigin;
  /** Well-formed trailer lines of this reply that b4 would not apply, with the reason (trailers.ts). */
  ignoredTrailers?: IgnoredTrailer[];
}

export interface QuotedBlock {
  /** The quote depth (`>` = 1, `> >` = 2). */
  depth: number;
  lines: string[];
  /** Index into the reply's newText lines after which the block stood, so a viewer can interleave. */
  beforeNewLine: number;
}

export interface Patch {
  /** 1-based position in the series (the counter of `NN/MM`). */
  index: number;
  subject: string;
  rawSubject: string;
  subjectInfo: SubjectInfo;
  author: Person | null;
  date: string | null;
  /**
   * The Date as the sender wrote it (RFC 5322 text with their zone, e.g. `Tue, 06 Aug 2019 17:01:27 +0200`), as
   * `git am` records it; `date` is the same instant in UTC. Absent when there is no parseable Date.
   */
  dateWritten?: string;
  messageId: string;
  /** The commit message (body up to the `---` line), including its trailers. */
  commitMessage: string;
  /** The whole decoded body, as sent. */
  body: string;
  /** Trailers of the patch itself, then those given in replies. */
  trailers: Trailer[];
  files: DiffFile[];
  diffstat: Diffstat | null;
  diffstatMismatches: DiffstatMismatch[];
  /** The diff text (from the first `diff --git` to the signature), as it would go to `git apply`. */
  diffText: string;
  /** 1-based line within the body where diffText starts. */
  diffBodyLine: number;
  replies: Reply[];
  origin: MessageOrigin;
  /** The original mail's addressing (for replies); absent in series built by hand. */
  mail?: MailAddressing;
  /** jsdiff's complaint when the diff could not be parsed (`files` is then empty); checks report it. */
  diffError?: string;
  /**
   * Lines of the mail before `body` (mbox `From ` line, headers, blank line): `bodyLine + bodyOffsetLines` is
   * the line checkpatch.pl prints as `#N` for the mail file. Set only when body lines are the raw lines: a
   * single text/plain part (or no Content-Type), not format=flowed, 7bit/8bit (or no) transfer encoding,
   * diff not from an attachment. A QP or base64 body does not map 1:1 to raw lines; then absent.
   */
  bodyOffsetLines?: number;
}

export interface Cover {
  subject: string;
  rawSubject: string;
  subjectInfo: SubjectInfo;
  author: Person | null;
  date: string | null;
  /**
   * The Date as the sender wrote it (RFC 5322 text with their zone, e.g. `Tue, 06 Aug 2019 17:01:27 +0200`), as
   * `git am` records it; `date` is the same instant in UTC. Absent when there is no parseable Date.
   */
  dateWritten?: string;
  messageId: string;
  body: string;
  trailers: Trailer[];
  /** `base-commit:` of the cover (or the first patch), if given. */
  baseCommit: string | null;
  replies: Reply[];
  origin: MessageOrigin;
  /** The original mail's addressing (for replies); absent in series built by hand. */
  mail?: MailAddressing;
  /** As Patch.bodyOffsetLines: lines of the mail before `body`, when body lines are the raw lines. */
  bodyOffsetLines?: number;
}

/** A patch index seen more than once in one version: the first kept in `patches`, the rest here. */
export interface DuplicatePatch {
  index: number;
  messageId: string;
}

/** One posted version of one series (the contract's `series[]` entry). */
export interface PatchSeries {
  /** Stable id: the cover's (or first patch's) Message-ID. */
  id: string;
  /** The summary of the cover, or of patch 1 when there is no cover. */
  title: string;
  version: number;
  rfc: boolean;
  resend: boolean;
  total: number;
  cover: Cover | null;
  patches: Patch[];
  /** Indices 1..total with no patch. */
  missing: number[];
  duplicates: DuplicatePatch[];
  /** Thread root Message-ID. */
  rootId: string;
  /** Set when this version resent only some patches, each in reply to its previous version (b4: partial reroll). */
  partialReroll?: PartialReroll;
  /** `base-commit:` of the cover or, without one, of the first patch (the cover also carries it). */
  baseCommit?: string | null;
  /**
   * Series-wide trailers: those reviewers gave in replies to the cover letter (an Acked-by for the whole series).
   * They are not copied onto each patch (b4 leaves them out of `am` unless `-t`); a viewer shows them once.
   */
  coverTrailers?: Trailer[];
}

/** The earlier version's patches that stand in for the indices a partial reroll did not resend. */
export interface PartialReroll {
  from: number;
  standIns: { index: number; messageId: string }[];
}

/** A node of the reply tree. */
export interface ThreadNode {
  messageId: string;
  /** True when the id was only referenced, never read (a missing parent). */
  phantom: boolean;
  parentId: string | null;
  children: string[];
  message: RawMessage | null;
}

/** Everything read from the inputs, grouped. Every message read lands in exactly one place. */
export interface SeriesSet {
  /** Count of messages read, decoded or skipped. */
  messages: number;
  series: PatchSeries[];
  /** Messages that belong to no series (not patches, not replies to one). */
  unthreaded: string[];
  skipped: SkippedMessage[];
  /** Duplicate Message-IDs: later copies beyond the first, and messages that had none (ids synthesised). */
  notes: string[];
}

