/**
 * Mail is untrusted: before any mail-derived string reaches a terminal, strip what a terminal would
 * interpret. ECMA-48 sequences (CSI, OSC incl. title/hyperlink/clipboard-52, DCS/SOS/PM/APC strings),
 * lone ESC, C0 controls except tab and newline, DEL, C1 controls (U+0080–U+009F, which some terminals
 * honour as 8-bit CSI/OSC), and the bidi overrides/isolates that reorder what the reader sees
 * (Trojan Source, CVE-2021-42574). JSON output escapes instead (JSON.stringify does), it never strips.
 *
 * Zero-width and other invisible characters (ZERO WIDTH SPACE/NON-JOINER/JOINER, WORD JOINER, BOM,
 * SOFT HYPHEN, the Hangul fillers …) are shown as `<U+200B>`, not removed: removing them would make
 * "Ja\u200bson" look exactly like "Jason", which is the spoof itself (SECURITY.md). They are not
 * controls, so they are marked only after every sequence above is gone; the marks are ASCII, so
 * sanitising twice changes nothing.
 */
// Each pattern is written once; all are linear (no nested quantifiers).
const STRING_SEQUENCE = /\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g; // OSC, DCS, SOS, PM, APC
const C1_STRING_SEQUENCE = /[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?/g;
const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
const ESC_OTHER = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Invisible, zero-width or blank-looking format characters a name or identifier could hide. */
export const INVISIBLE_CHARS = /[\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0\ufeff]/g;
const markInvisible = (ch: string): string => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`;

export function sanitizeForTerminal(text: string): string {
  if (!/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0\ufeff]/.test(text)) return text;
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(C1_STRING_SEQUENCE, '')
    .replace(CSI, '')
    .replace(ESC_OTHER, '')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE_CHARS, markInvisible);
}
