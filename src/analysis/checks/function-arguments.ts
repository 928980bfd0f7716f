import { splitArgs } from './c-args.js';
import { sanitizedLines } from './c-sanitize.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';

/**
 * A C type as checkpatch's `$Type` reads the common ones: qualifiers, a struct/union/enum tag, the integer words,
 * void/bool, kernel fixed-width types and `*_t` typedefs, then sparse annotations and pointer stars.
 */
const TYPE = String.raw`(?:(?:const|volatile)\s+)*(?:(?:struct|union|enum)\s+\w+|(?:(?:unsigned|signed|short|long|int|char|float|double)\b\s*)+|void\b|bool\b|_Bool\b|[us](?:8|16|32|64)\b|__[us](?:8|16|32|64)\b|__(?:le|be)(?:16|32|64)\b|\w+_t\b)(?:\s*__(?:user|iomem|rcu|percpu|force)\b)*(?:\s*\*+(?:\s*const\b)?)*`;
/** A prototype statement: `[extern] TYPE name(args);` or `TYPE (*name)(args);`, no body. */
const PROTOTYPE = new RegExp(String.raw`^\s*(?:extern\s+)?${TYPE}\s*(?:\w+|\(\s*\*\s*\w+\s*\))\s*\(([^{]+)\)\s*;\s*$`);
const TYPE_ONLY = new RegExp(String.raw`^${TYPE}$`);

/**
 * checkpatch's FUNCTION_ARGUMENTS: a prototype the patch adds whose argument is a type with no name
 * (`struct inode *iget(struct super_block *, u64);`), which hides what each argument means. The statement is read
 * from an added line through the new-side lines up to its `;`, and reported on its first line, as checkpatch does;
 * `enum x` alone, `void` and `...` are accepted, function-pointer arguments are left whole.
 */
export const functionArguments = patchCheck({
  id: 'function-arguments',
  severity: 'warning',
  checkpatchType: 'FUNCTION_ARGUMENTS',
  description: 'a function prototype argument has a type but no name',
  run(patch) {
    const sanitized = sanitizedLines(patch);
    const hits: CheckHit[] = [];
    for (const file of patch.files) {
      if (!/\.[ch]$/.test(file.path)) continue;
      for (const hunk of file.hunks) {
        const lines = hunk.lines.filter((l) => l.kind === 'add' || l.kind === 'context');
        for (const [i, line] of lines.entries()) {
          if (line.kind !== 'add' || !/^\s*(?:extern\s+)?\w/.test(line.text)) continue;
          // A statement starts here when the line before ended one (or opened or closed a block, or was a comment).
          const before = i === 0 ? '' : (sanitized.get(lines[i - 1]!) ?? '').trimEnd();
          if (before !== '' && !/[;{}]$|\u0001$|^\s*#/.test(before)) continue;
          let stmt = '';
          for (let k = i; k < lines.length && k < i + 8; k++) {
            stmt += ` ${sanitized.get(lines[k]!) ?? lines[k]!.text}`;
            if (/[;{}]/.test(stmt)) break;
          }
          const args = PROTOTYPE.exec(stmt.replace(/\u0001+/g, ' '))?.[1];
          if (args === undefined || args.trim() === 'void') continue;
          for (const arg of splitArgs(args).map((a) => a.replace(/\s+/g, ' '))) {
            if (TYPE_ONLY.test(arg) && !/^enum\s+\w+$/.test(arg)) {
              hits.push(addedLineHit({ file, line, previous: null }, `function definition argument '${arg}' should also have an identifier name`));
            }
          }
        }
      }
    }
    return hits;
  },
});
