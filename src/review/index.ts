/** Review: what the reviewer writes (comments, trailers), kept between sessions, turned into reply mails. */
export type { CommentTarget, Review, ReviewComment, ReviewTrailer, ReviewTrailerKey, Side, Identity } from './types.js';
export { EMPTY_REVIEW, REVIEW_TRAILER_KEYS } from './types.js';
export { locate, anchorText, findFile, type Located, type LocateResult } from './locate.js';
export { reviewerIdentity, parseReviewer, formatPerson } from './identity.js';
export { parseCommentsFile } from './comments-file.js';
export { checkReview, writeReplies, type Refusal, type WrittenReplies } from './replies.js';
export { replyBody, attribution, CONTEXT_LINES, CUT } from './reply-body.js';
export { replyRecipients, parseAddressList, type Recipients } from './recipients.js';
export { renderMail, replySubject, rfc5322Date, formatAddress, SYSTEM_CLOCK, type MailClock, type ReplyMail } from './mail.js';
export { toMbox } from './mbox.js';
export { wrapProse, WRAP_COLUMNS } from './wrap.js';
export { mergeReview, type Merged } from './merge.js';
export { moveReview, withAnchors, pairPatches, type Moved, type PatchRef } from './migrate.js';
export {
  openReviewState, saveReviewState, stateDir, stateFileName, emptyState, keyOf, STATE_FORMAT,
  type ReviewState, type OpenedState, type SeriesKey,
} from './state.js';
export { configuredTransport, sendMails, envelopeOf, type Transport, type Sent } from './send.js';
