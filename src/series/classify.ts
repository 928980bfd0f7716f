import type { RawMessage } from '../ingest/index.js';
import type { SubjectInfo } from './types.js';
import { parseSubject } from './subject.js';
import { readInBodyHeaders } from './inbody.js';
import { stripListFooter } from './list-footer.js';
import { isStableNotice } from './stable-notice.js';

/** b4's DIFF_RE: a unified diff header pair, a git binary patch, or a `diff --git` line. */
const DIFF = /^(?:---.*\n\+\+\+|GIT binary patch|diff --git \S+ \S+)/m;
/** b4's DIFFSTAT_RE, pinned to git's exact wording so that no `.*` backtracks over a hostile line. */
const DIFFSTAT = /^\s*\d+ files? changed, \d+ (?:insertion|deletion)/im;

export type MessageKind = 'patch' | 'cover' | 'other';

export interface ClassifiedMessage {
  id: string;
  message: RawMessage;
  subject: SubjectInfo;
  kind: MessageKind;
  /** The text that carries the patch: the body, or the body plus a text attachment carrying the diff. */
  patchBody: string;
  hasDiff: boolean;
  hasDiffstat: boolean;
}


/**
 * Patches sent as inline text attachments: the first attachment with a diff joins the body. Says whether the
 * text has a diff too, so that a long body is not searched twice (issue 18: index speed).
 */
function patchBodyOf(message: RawMessage): { text: string; hasDiff: boolean } {
  if (DIFF.test(message.body)) return { text: message.body, hasDiff: true };
  const attached = message.attachments.find((a) => DIFF.test(a.text));
  if (!attached) return { text: message.body, hasDiff: false };
  const text = `${message.body.trimEnd()}\n${attached.text}`;
  return { text, hasDiff: DIFF.test(text) };
}

/** Part of every DIFFSTAT match, and found faster (no line starts to try): a body without it has no diffstat. */
const DIFFSTAT_PART = /changed, \d/i;
const hasDiffstatIn = (body: string): boolean => DIFFSTAT_PART.test(body) && DIFFSTAT.test(body);

/**
 * What a message is, decided as b4 decides it: a cover is `0/N` and not a reply; a patch carries a diff and is not
 * a reply, or has an explicit `N/M` PATCH counter (a patch whose diff was lost is still the series' patch N).
 * Everything else is a reply or unrelated mail, placed later by threading; so is a stable-tree notice, though it
 * carries a diff (stable-notice.ts).
 */
export function classify(id: string, raw: RawMessage): ClassifiedMessage {
  // The list's footer is the list's, not the sender's: it is no reply text, commit message or diff.
  const message = stripListFooter(raw);
  const { text: patchBody, hasDiff } = patchBodyOf(message);
  // A patch forwarded inside a mail (even a "Re:") carries its own Subject in the body: git am uses that one.
  const inBodySubject = hasDiff ? readInBodyHeaders(patchBody).subject : null;
  const subject = parseSubject(inBodySubject ?? message.subject);
  const hasDiffstat = hasDiffstatIn(message.body);
  let kind: MessageKind = 'other';
  if (!subject.isReply && !isStableNotice(subject.summary)) {
    if (subject.counter === 0 && !subject.counterInferred) kind = 'cover';
    else if (hasDiff) kind = 'patch';
    else if (subject.isPatch && !subject.counterInferred) kind = 'patch';
  }
  return { id, message, subject, kind, patchBody, hasDiff, hasDiffstat };
}

/**
 * A message classified on its light facts (headers and what the body showed, as the archive index keeps them),
 * given back its decoded body: classify's answer, with the footer stripped and the patch text joined as classify
 * does, without deciding the kind, subject or diff again.
 */
export function withBody(light: ClassifiedMessage, raw: RawMessage): ClassifiedMessage {
  const message = stripListFooter(raw);
  return { ...light, message, patchBody: light.kind === 'patch' ? patchBodyOf(message).text : message.body };
}
