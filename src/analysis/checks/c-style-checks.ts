import type { Patch } from '../../series/index.js';
import { sanitizedLines } from './c-sanitize.js';
import { patchCheck, type CheckHit, type CheckSpec, type PatchCheck } from './check.js';
import { addedLineHit, addedLines } from './diff-lines.js';

/** Files each of checkpatch's rules looks at: its C-and-friends list for indentation, C only for the rest. */
const C_OR_PERL = /\.(?:h|c|pl|dtsi|dts)$/;
const C_ONLY = /\.[hc]$/;

/**
 * A check over the added lines of some files as checkpatch's `$line` shows them (strings as X, comments blanked),
 * with the raw text for the rules that read it; `problems` returns one message per finding on the line.
 */
function cLineCheck<const Id extends string>(
  spec: Omit<CheckSpec<PatchCheck<Id>>, 'run'> & { files: RegExp; problems(sanitized: string, raw: string): string[] },
): PatchCheck<Id> {
  const { files, problems, ...info } = spec;
  return patchCheck({
    ...info,
    run(patch: Patch): CheckHit[] {
      const sanitized = sanitizedLines(patch);
      return addedLines(patch).flatMap((a) => {
        if (!files.test(a.file.path)) return [];
        return problems(sanitized.get(a.line) ?? a.line.text, a.line.text).map((m) => addedLineHit(a, m));
      });
    },
  });
}

/** checkpatch's CODE_INDENT: a space before a tab in the indent, or 8 spaces where a tab belongs. */
export const codeIndent = cLineCheck({
  id: 'code-indent',
  severity: 'error',
  description: 'the indent of an added line uses spaces where tabs belong',
  files: C_OR_PERL,
  problems: (_s, raw) => (/^\s* \t\s*\S/.test(raw) || /^\s* {8}/.test(raw) ? ['code indent should use tabs where possible'] : []),
});

/** `unsigned x;`, `(signed)y`: checkpatch's UNSPECIFIED_INT wants the `int` written out. */
const BARE_SIGN = /\b((?:un)?signed)((?:\s*\*)*)\s*(?!char\b|short\b|int\b|long\b)(?:[A-Za-z_]\w*)?\s*[=,;[)(]/g;

export const unspecifiedInt = cLineCheck({
  id: 'unspecified-int',
  severity: 'warning',
  description: "'unsigned' or 'signed' is used without 'int'",
  files: C_ONLY,
  problems: (line) =>
    [...line.matchAll(BARE_SIGN)].map((m) => {
      const pointer = m[2]!.replace(/\s+$/, '');
      return `Prefer '${m[1]} int${pointer}' to bare use of '${m[1]}${pointer}'`;
    }),
});

/** Words after which a space before `(` is right: keywords, attributes, asm. */
const SPACE_ALLOWED = /^(?:if|for|while|switch|return|case|volatile|__volatile__|__attribute__|format|__extension__|asm|__asm__|scoped_guard|sizeof|typeof|__typeof__|defined|else|do)$/;
/** A context that ends in a type: a function-pointer typedef or declaration, not a call. */
const ENDS_IN_TYPE = /(?:\b(?:void|char|short|int|long|float|double|signed|unsigned|bool|_Bool|struct\s+\w+|union\s+\w+|enum\s+\w+|u8|u16|u32|u64|s8|s16|s32|s64|__[us]\d+|\w+_t)\s*\**\s*|\*\s*)$/;

/**
 * (`\s\)` is checkpatch's `(\s+)\)` without the quadratic scan of a long run of blanks.)
 * checkpatch's commonest SPACING errors: `( x`, `x )` (ERROR) and `name (` for a call (WARNING). The parenthesis
 * checks skip a `(` at the end of a line, `for ( ;` and `: )`, as checkpatch does.
 */
export const spacingParenthesis = cLineCheck({
  id: 'spacing-parenthesis',
  severity: 'error',
  checkpatchType: 'SPACING',
  description: "a space after '(' or before ')'",
  files: C_ONLY,
  problems(line) {
    const out: string[] = [];
    if (/\(\s/.test(line) && !/\(\s*\\?$/.test(line) && !/for\s*\(\s+;/.test(line)) out.push("space prohibited after that open parenthesis '('");
    if (/\s\)/.test(line) && !/^\s*\)/.test(line) && !/for\s*\(.*;\s+\)/.test(line) && !/:\s+\)/.test(line)) {
      out.push("space prohibited before that close parenthesis ')'");
    }
    return out;
  },
});

export const spacingFunctionName = cLineCheck({
  id: 'spacing-function-name',
  severity: 'warning',
  checkpatchType: 'SPACING',
  description: "a space between a function's name and its '('",
  files: C_ONLY,
  problems(line) {
    const out: string[] = [];
    for (const m of line.matchAll(/(?<!\w)([A-Za-z_]\w*)\s+\(/g)) {
      const before = line.slice(0, m.index);
      if (SPACE_ALLOWED.test(m[1]!) || /^\s*#\s*define\s*$/.test(before) || /^\s*#\s*(?:elif|if)\s*$/.test(`${before}${m[1]}`)) continue;
      if (ENDS_IN_TYPE.test(`${before}${m[1]}`)) continue;
      out.push("space prohibited between function name and open parenthesis '('");
    }
    return out;
  },
});
