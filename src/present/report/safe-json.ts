/**
 * JSON for a stream that may end on a terminal. JSON.stringify escapes C0 controls (ESC becomes
 * \u001b) but writes DEL, the C1 controls (U+0080–U+009F, 8-bit CSI/OSC on some terminals), the bidi
 * overrides/isolates/marks (Trojan Source) and U+2028/2029 raw. Mail text in JSON is escaped, never
 * stripped: this writes those as \uXXXX escapes too, so the parsed value is byte-for-byte the same.
 */
// Outside strings JSON text is ASCII, so every match sits inside a string, where \uXXXX is equivalent.
// The invisible characters the sanitiser marks as <U+XXXX> (zero-width space, joiners, BOM …) are escaped
// too, so a reader of the raw JSON sees them as well.
const RAW_IN_JSON = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u061c\u00ad\u034f\u115f\u1160\u180e\u200b-\u200d\u2060-\u2064\u3164\uffa0\ufeff]/g;

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `JSON.stringify(value, null, 2)` plus a newline, with no raw byte a terminal would act on. */
export function stringifyJsonSafe(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(RAW_IN_JSON, escapeChar)}\n`;
}

/**
 * stringifyJsonSafe(value) as it stands `depth` levels deep in a larger value's 2-space layout: every line but the
 * first indented by 2 × depth more spaces, no final newline. Made by JSON.stringify itself (the value wrapped in
 * `depth` arrays, the wrapping cut off), not by re-indenting the text: one pass less over a large value.
 */
export function stringifyJsonSafeNested(value: unknown, depth: number): string {
  let wrapped = value;
  let open = 0;
  for (let d = 1; d <= depth; d++) {
    wrapped = [wrapped];
    open += 2 + 2 * d; // `[`, newline, 2 × d spaces
  }
  const json = JSON.stringify(wrapped, null, 2);
  const close = depth === 0 ? 0 : depth * 2 + depth * (depth - 1); // per level: newline, indent, `]`
  return json.slice(open, json.length - close).replace(RAW_IN_JSON, escapeChar);
}
