import type { ReplyMail } from './mail.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The `From ` separator's date, asctime's shape in UTC (`Fri Dec  4 21:08:36 2026`). */
function asctime(d: Date): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/**
 * mboxrd (as b4 and public-inbox write it): a `From ` line per message, every body line matching
 * `>*From ` gets one more `>`, a blank line after each message. `patchscope --mboxrd` and
 * `git mailsplit --mboxrd` give the messages back byte for byte.
 */
export function toMbox(messages: readonly { mail: ReplyMail; text: string }[]): string {
  return messages.map(({ mail, text }) => `From patchscope ${asctime(mail.date)}\n${text.replace(/^(>*From )/gm, '>$1')}\n`).join('');
}
