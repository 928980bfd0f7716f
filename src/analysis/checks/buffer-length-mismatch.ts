import { addedFunctions, type AddedFunction, type CodeLine } from './added-functions.js';
import { splitArgs } from './c-args.js';
import { patchCheck, type CheckHit } from './check.js';
import { addedLineHit } from './diff-lines.js';

/** Calls that take a buffer and its length: which arguments are buffers, which is the length. */
const CALLS: Record<string, { buffers: number[]; length: number }> = {
  memcpy: { buffers: [0, 1], length: 2 }, memmove: { buffers: [0, 1], length: 2 }, memcmp: { buffers: [0, 1], length: 2 },
  copy_from_user: { buffers: [0, 1], length: 2 }, copy_to_user: { buffers: [0, 1], length: 2 },
  memcpy_fromio: { buffers: [0, 1], length: 2 }, memcpy_toio: { buffers: [0, 1], length: 2 },
  memset: { buffers: [0], length: 2 }, strscpy: { buffers: [0], length: 2 }, strscpy_pad: { buffers: [0], length: 2 },
  strncpy: { buffers: [0], length: 2 }, strlcpy: { buffers: [0], length: 2 },
  snprintf: { buffers: [0], length: 1 }, scnprintf: { buffers: [0], length: 1 }, vsnprintf: { buffers: [0], length: 1 },
};
const CALL = new RegExp(`\\b(${Object.keys(CALLS).join('|')})\\s*\\(`);

/** What the function declares each name as: a pointer, or a byte array of a literal size. */
type Declared = { kind: 'pointer' } | { kind: 'bytes'; size: number } | { kind: 'array'; size: string };

const KEYWORD = /^(?:return|case|goto|else|if|while|for|do|switch|sizeof)$/;

function declarations(fn: AddedFunction): Map<string, Declared[]> {
  const seen = new Map<string, Declared[]>();
  const add = (name: string, d: Declared) => seen.set(name, [...(seen.get(name) ?? []), d]);
  const params = /\(([^]*)\)/.exec(fn.head)?.[1] ?? '';
  for (const p of params.split(',')) {
    const m = /\*\s*(\w+)\s*$/.exec(p.trim());
    if (m) add(m[1]!, { kind: 'pointer' });
  }
  for (const { code } of fn.body) {
    const decl = /^\s*(?:(?:static|const|struct|unsigned|signed)\s+)*([A-Za-z_]\w*)\s+(.*);\s*$/.exec(code);
    if (decl === null || KEYWORD.test(decl[1]!)) continue;
    for (const part of decl[2]!.split(',')) {
      const ptr = /^\s*\*+\s*(?:const\s+)?(\w+)\s*(?:=.*)?$/.exec(part);
      if (ptr) add(ptr[1]!, { kind: 'pointer' });
      const arr = /^\s*(\w+)\s*\[\s*(\w+)\s*\]\s*(?:=.*)?$/.exec(part);
      if (arr === null) continue;
      const bytes = /^(?:char|u8|s8|__u8)$/.test(decl[1]!) && /^\d+$/.test(arr[2]!);
      add(arr[1]!, bytes ? { kind: 'bytes', size: Number(arr[2]) } : { kind: 'array', size: arr[2]! });
    }
  }
  return seen;
}

/** The one declaration of a name, or null when it has none or several (a shadowing inner block: not guessed). */
function only(decls: Map<string, Declared[]>, name: string): Declared | null {
  const all = decls.get(name);
  return all?.length === 1 ? all[0]! : null;
}

/** The call's argument list starting at `lines[i]`, joined over up to 4 lines until its parentheses close. */
function callArgs(lines: CodeLine[], i: number, at: number): string | null {
  let text = lines[i]!.code.slice(at);
  for (let k = i + 1; k < lines.length && k < i + 4 && !balanced(text); k++) text += ` ${lines[k]!.code.trim()}`;
  const open = text.indexOf('(');
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) return text.slice(open + 1, j);
  }
  return null;
}

const balanced = (t: string) => (t.match(/\(/g)?.length ?? 0) <= (t.match(/\)/g)?.length ?? 0);

function callProblem(name: string, args: string[], decls: Map<string, Declared[]>): string | null {
  const spec = CALLS[name]!;
  const length = args[spec.length];
  if (length === undefined) return null;
  for (const b of spec.buffers) {
    const buf = args[b];
    if (buf === undefined || !/^\w+$/.test(buf)) continue;
    const d = only(decls, buf);
    if (d?.kind === 'pointer' && new RegExp(`^sizeof\\s*\\(?\\s*${buf}\\s*\\)?$`).test(length)) {
      return `${name}() is given sizeof(${buf}), but ${buf} is a pointer: that is the pointer's size, not its buffer's`;
    }
    if (d?.kind === 'bytes' && /^\d+$/.test(length) && Number(length) > d.size) {
      return `${name}() is given ${length} bytes for ${buf}, declared ${buf}[${d.size}]: it runs past the end`;
    }
  }
  return null;
}

/** `for (i = 0; i <= N; i++) … a[i]` where a is declared `a[N]` (or N is ARRAY_SIZE(a)): one entry past the end. */
function loopProblems(fn: AddedFunction, decls: Map<string, Declared[]>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const [i, line] of fn.body.entries()) {
    const loop = /\bfor\s*\(\s*(\w+)\s*=\s*0\s*;\s*\1\s*<=\s*(ARRAY_SIZE\s*\(\s*(\w+)\s*\)|\w+)\s*;/.exec(line.code);
    if (loop === null) continue;
    const [, index, bound = '', sized] = loop;
    const window = fn.body.slice(i, i + 6).map((l) => l.code).join('\n');
    for (const m of window.matchAll(new RegExp(`\\b(\\w+)\\s*\\[\\s*${index}\\s*\\]`, 'g'))) {
      const d = only(decls, m[1]!);
      const size = d?.kind === 'array' ? d.size : d?.kind === 'bytes' ? String(d.size) : null;
      if (sized === m[1] || (size !== null && size === bound)) {
        hits.push(addedLineHit(line.at, `the loop runs ${index} up to ${bound} inclusive, but ${m[1]} has ${bound.startsWith('ARRAY_SIZE') ? 'that many' : bound} entries: ${m[1]}[${bound}] is past its end`));
        break;
      }
    }
  }
  return hits;
}

/**
 * What reviewers miss: a length that does not fit the buffer the function itself declares. Only cases the added
 * function proves: sizeof a pointer given as the length of that pointer's buffer, a literal length larger than a
 * byte array of literal size, and a `<=` loop indexing an array by its own size. Names declared twice are skipped.
 */
export const bufferLengthMismatch = patchCheck({
  id: 'buffer-length-mismatch',
  severity: 'warning',
  description: 'a length argument or loop bound larger than the buffer the function declares',
  run(patch) {
    return addedFunctions(patch).flatMap((fn) => {
      const decls = declarations(fn);
      const hits = loopProblems(fn, decls);
      for (const [i, line] of fn.body.entries()) {
        const call = CALL.exec(line.code);
        if (call === null) continue;
        const args = callArgs(fn.body, i, call.index);
        const problem = args === null ? null : callProblem(call[1]!, splitArgs(args), decls);
        if (problem !== null) hits.push(addedLineHit(line.at, problem));
      }
      return hits;
    });
  },
});
