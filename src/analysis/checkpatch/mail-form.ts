import type { Patch } from '../../series/index.js';

/** Header lines the mail form puts before the body (blank line included): #N of checkpatch minus these is a body line. */
export const MAIL_HEADER_LINES = 5;

/**
 * A patch as one mail in the form `git format-patch` writes (and `b4 prep --check` feeds checkpatch): From line,
 * author, subject, blank line, the body as sent. Header values are single lines (folding would move the body).
 */
export function patchAsMail(patch: Patch): string {
  const oneLine = (s: string) => s.replace(/[\r\n]+\s*/g, ' ');
  const author = patch.author ? `${patch.author.name ? `${oneLine(patch.author.name)} ` : ''}<${oneLine(patch.author.email)}>` : 'unknown <unknown@unknown>';
  const body = patch.body.endsWith('\n') ? patch.body : `${patch.body}\n`;
  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    `From: ${author}`,
    `Date: ${oneLine(patch.date ?? 'Thu, 1 Jan 1970 00:00:00 +0000')}`,
    `Subject: ${oneLine(patch.rawSubject)}`,
    '',
    body,
  ].join('\n');
}
