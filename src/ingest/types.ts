/** A person as mail names them. */
export interface Person {
  name: string;
  email: string;
}

/** Where a message came from, so every error and finding can point back at the user's input. */
export interface MessageOrigin {
  /** The input as the user named it: a path, `-`, or `git:BASE..HEAD`. */
  source: string;
  /** 1-based position of the message within that source (mbox order, file order, commit order). */
  index: number;
  /** Byte offset of the message's first byte in the source (mbox), or null. */
  offset: number | null;
  /** For a folder of format-patch files: the file's name within the folder. */
  file?: string;
}

export interface Header {
  /** Lower-cased header name. */
  name: string;
  /** Decoded (RFC 2047) and unfolded value. */
  value: string;
}

/** A text part carried as an attachment (patches sent as inline text attachments). */
export interface TextAttachment {
  filename: string | null;
  mimeType: string;
  text: string;
}

/**
 * One decoded message. Ingest's output: everything later stages need, nothing MIME-shaped.
 * Bodies are decoded to text (QP, base64, charset) with CRLF normalised to LF.
 */
export interface RawMessage {
  origin: MessageOrigin;
  /** Without the angle brackets; null when the message has none (threading then synthesises one). */
  messageId: string | null;
  inReplyTo: string | null;
  /** Oldest first, as the References header lists them, without angle brackets. */
  references: string[];
  from: Person | null;
  /** ISO 8601 UTC, or null when the Date header is missing or unparseable. */
  date: string | null;
  /** The Date header exactly as sent. */
  dateHeader: string | null;
  /** Decoded, unfolded Subject. */
  subject: string;
  /** The text/plain body (the first one; for a patch, the commit message and the diff). */
  body: string;
  attachments: TextAttachment[];
  headers: Header[];
  /** Non-fatal decoding problems (unknown charset, bad base64) that the message still survived. */
  warnings: string[];
  /**
   * Raw lines before the body: the mbox `From ` separator line (for a message cut out of an mbox, one
   * `git format-patch` file included), every header line (folded continuation lines counted) and the blank
   * line that ends the headers. Raw body line 1 is line `bodyOffsetLines + 1` of the message as checkpatch.pl
   * numbers it (`#N`). Counted on raw bytes, so it maps `body` lines 1:1 only for a single-part 7bit/8bit
   * body (series checks that). Per message: in a multi-message mbox the messages before it are not counted.
   * Absent when the header block has no end (no blank line) or the message was not read from raw bytes.
   */
  bodyOffsetLines?: number;
}

/** A message that could not be decoded at all; kept so that count in == count out. */
export interface SkippedMessage {
  origin: MessageOrigin;
  messageId: string | null;
  reason: string;
}

/** The result of reading one input: every message either decoded or skipped with a reason. */
export interface IngestResult {
  source: string;
  messages: RawMessage[];
  skipped: SkippedMessage[];
}

/** One item of a streamed input: a decoded message, or one that could not be decoded (with why). */
export type IngestItem = { kind: 'message'; message: RawMessage } | { kind: 'skipped'; skipped: SkippedMessage };
