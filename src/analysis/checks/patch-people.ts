import type { Patch } from '../../series/index.js';
import { commitMessageEnd, splitBodyLines } from './commit-message.js';
import { trailerEmail } from './trailer-lines.js';

/** The address of an in-body `From:` at the top of the body (format-patch writes one when sender ≠ author). */
function inBodyFromEmail(patch: Pick<Patch, 'body'>): string | null {
  const lines = splitBodyLines(patch.body);
  for (const line of lines.slice(0, commitMessageEnd(lines))) {
    if (line.text.trim() === '') break;
    const m = /^From:\s*(.*)$/.exec(line.text);
    if (m) return trailerEmail(m[1]!);
  }
  return null;
}

/**
 * Who sent the mail, when known: null when the check that needs it must stay silent. A git range and the
 * `*.patch` files of a format-patch folder are not sent yet (their From: is the commit's author), and with an in-body `From:` the model's
 * author may be that in-body person, so the sender is not recorded anywhere we can read.
 */
export function senderEmail(patch: Pick<Patch, 'body' | 'author' | 'origin'>): string | null {
  if (patch.origin.source.startsWith('git:') || /\.patch$/.test(patch.origin.file ?? '')) return null;
  const author = patch.author?.email.toLowerCase() ?? null;
  const inBody = inBodyFromEmail(patch);
  return inBody !== null && inBody === author ? null : author;
}
