/**
 * Finds what a run of C lines defines and uses, by kernel coding style rather than by parsing:
 * a line starting in column 0 is at file scope; an indented line belongs to the container the
 * last column-0 line opened (a struct or union body holds fields, an enum body constants, a
 * function body locals). That is how git's own funcname heuristic sees C, and it survives
 * fragments (a hunk) where brace counting would not.
 */
import { C_KEYWORDS, START, identifiers, isMember, stripLine, type Ident, type LexState } from './c-lexer.js';
import { declaredLocals, parameterNames } from './c-locals.js';

export type SymbolKind =
  | 'function' | 'macro' | 'struct' | 'union' | 'enum' | 'typedef' | 'field' | 'enum-constant' | 'variable';

/** What an indented line sits in. */
export type Container =
  | { kind: 'file' }
  | { kind: 'record'; name: string }
  | { kind: 'enum' }
  | { kind: 'function' }
  /** `struct T name = {`: T when the line names it, so designated initializers can be checked. */
  | { kind: 'initializer'; type: string | null };

export interface LineDef {
  name: string;
  kind: SymbolKind;
  /** For a field: the struct or union it belongs to. */
  container?: string;
}

export interface ScannedLine {
  defs: LineDef[];
  /** `.field = …` at the top level of `struct T x = {`: the field of T this line sets. */
  initializes?: { type: string; field: string };
  /** Identifiers used on the line (not members, not keywords, not the names it defines). */
  uses: string[];
  /** Member names used on the line (`x->dev`, `.map = …`). */
  members: string[];
}

const DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)/;
const RECORD_OPEN = /^(?:typedef\s+)?(struct|union|enum)\s+([A-Za-z_]\w*)\s*\{/;
const ANON_RECORD_OPEN = /^(?:typedef\s+)?(struct|union|enum)\s*\{/;
const TYPEDEF_END = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*;\s*$/;
const TYPEDEF_FNPTR = /\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(/;
const INITIALIZED_TYPE = /^(?:static\s+)?(?:const\s+)?struct\s+([A-Za-z_]\w*)\s+(?:const\s+)?[A-Za-z_]\w*\s*(?:\[[^\]]*\])?\s*=/;
/** A top-level designated initializer of a kernel-style initializer block: one tab, `.field =`. */
const DESIGNATED = /^\t\.([A-Za-z_]\w*)\s*=/;
const STATEMENT_START = new Set(['return', 'if', 'else', 'for', 'while', 'do', 'switch', 'case', 'goto', 'break', 'continue', 'default']);

/** The container a column-0 line opens for the indented lines after it. */
export function containerOpenedBy(code: string): Container {
  const rec = RECORD_OPEN.exec(code) ?? ANON_RECORD_OPEN.exec(code);
  if (rec) {
    if (rec[1] === 'enum') return { kind: 'enum' };
    return { kind: 'record', name: rec[2] ?? '' };
  }
  if (/=\s*(?:\{|$)/.test(code)) return { kind: 'initializer', type: INITIALIZED_TYPE.exec(code)?.[1] ?? null };
  if (/\)\s*\{?\s*$/.test(code) && !/;\s*$/.test(code)) return { kind: 'function' };
  return { kind: 'file' };
}

/** Guesses the container of a hunk's first lines from git's `@@ … @@ section` text. */
export function containerFromSection(section: string): Container {
  const code = section.trim();
  if (code === '') return { kind: 'file' };
  const opened = containerOpenedBy(code);
  if (opened.kind !== 'file') return opened;
  // git shows only the first line of a multi-line function header: `int foo(struct x *a,`
  return /^[A-Za-z_][\w\s*]*\(/.test(code) ? { kind: 'function' } : { kind: 'file' };
}

/** File-scope definitions of one column-0 line. */
function fileScopeDefs(code: string, ids: Ident[]): LineDef[] {
  const first = ids[0];
  if (!first || STATEMENT_START.has(first.name)) return [];
  const rec = RECORD_OPEN.exec(code);
  if (rec) return [{ name: rec[2]!, kind: rec[1] as SymbolKind }];
  if (first.name === 'typedef') {
    const m = TYPEDEF_FNPTR.exec(code) ?? TYPEDEF_END.exec(code);
    return m ? [{ name: m[1]!, kind: 'typedef' }] : [];
  }
  const callIdx = ids.findIndex((id) => id.after === '(' && !id.before.includes('='));
  if (callIdx >= 0) {
    const fn = ids[callIdx]!;
    if (C_KEYWORDS.has(fn.name)) return [];
    // `foo(` first on the line is a definition only in the kernel's split style (`int\nfoo(void)\n{`),
    // never a macro call statement such as `EXPORT_SYMBOL(foo);`.
    if (callIdx === 0 && /;\s*$/.test(code)) return [];
    if (callIdx > 0 && !/^[\w\s*]*$/.test(fn.before)) return [];
    return [{ name: fn.name, kind: 'function' }];
  }
  return variableDef(code, ids);
}

/** `static const struct x name = {`, `int count;`, `u8 table[4];` → the variable's name. */
function variableDef(code: string, ids: Ident[]): LineDef[] {
  const head = code.split('=')[0]!;
  if (!/;\s*$|=/.test(code) || /^\s*(?:struct|union|enum)\s+\w+\s*;/.test(code)) return [];
  const named = ids.filter((id) => id.col < head.length && !C_KEYWORDS.has(id.name));
  const last = named[named.length - 1];
  return last && named.length >= 2 ? [{ name: last.name, kind: 'variable' }] : [];
}

/** Definitions inside a container (a field, an enum constant). */
function innerDefs(code: string, ids: Ident[], where: Container): LineDef[] {
  if (where.kind === 'enum') {
    const m = /^\s*([A-Za-z_]\w*)\s*(?:=|,|$)/.exec(code);
    return m ? [{ name: m[1]!, kind: 'enum-constant' }] : [];
  }
  if (where.kind !== 'record' || /^\s*[{}]/.test(code)) return [];
  const fnptr = TYPEDEF_FNPTR.exec(code);
  if (fnptr) return [{ name: fnptr[1]!, kind: 'field', container: where.name }];
  const m = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*(?::\s*\d+\s*)?;\s*$/.exec(code);
  if (!m || ids.length < 2) return [];
  return [{ name: m[1]!, kind: 'field', container: where.name }];
}

function designatedField(code: string, where: Container): { type: string; field: string } | null {
  if (where.kind !== 'initializer' || where.type === null) return null;
  const m = DESIGNATED.exec(code);
  return m ? { type: where.type, field: m[1]! } : null;
}

/** Scans one line given the container it sits in. */
export function scanCode(code: string, where: Container, atColumn0: boolean): ScannedLine {
  const ids = identifiers(code);
  const define = DEFINE.exec(code);
  let defs: LineDef[];
  if (define) defs = [{ name: define[1]!, kind: 'macro' }];
  else if (/^\s*#/.test(code)) defs = [];
  else if (atColumn0) defs = fileScopeDefs(code, ids);
  else defs = innerDefs(code, ids, where);
  const defined = new Set(defs.map((d) => d.name));
  const uses: string[] = [];
  const members: string[] = [];
  if (/^\s*#\s*include\b/.test(code)) return { defs, uses, members };
  for (const id of ids) {
    if (C_KEYWORDS.has(id.name)) continue;
    if (isMember(id) || (where.kind === 'record' && defined.has(id.name))) members.push(id.name);
    else if (!defined.has(id.name)) uses.push(id.name);
  }
  const initializes = designatedField(code, where);
  return initializes ? { defs, uses, members, initializes } : { defs, uses, members };
}

export interface ScanState {
  lex: LexState;
  where: Container;
  /** Parameters and locals of the function being read: their uses are not symbol uses. */
  locals: ReadonlySet<string>;
}

export function startState(where: Container = { kind: 'file' }): ScanState {
  return { lex: START, where, locals: new Set() };
}

/** The locals in scope after a line: a column-0 line starts a new scope (its parameters, if a function). */
function nextLocals(code: string, state: ScanState, atColumn0: boolean, opened: Container): ReadonlySet<string> {
  if (atColumn0) return new Set(opened.kind === 'function' ? parameterNames(code) : []);
  if (state.where.kind === 'record' || state.where.kind === 'enum') return state.locals;
  const declared = declaredLocals(code);
  return declared.length === 0 ? state.locals : new Set([...state.locals, ...declared]);
}

/** Scans one source line and advances the state (comment state, current container, locals). */
export function scanLine(text: string, state: ScanState): { scanned: ScannedLine; state: ScanState } {
  const { code, state: lex } = stripLine(text, state.lex);
  const atColumn0 = /^[A-Za-z_#}]/.test(code);
  const where = atColumn0 ? { kind: 'file' as const } : state.where;
  const scanned = scanCode(code, where, atColumn0 && !code.startsWith('}'));
  let next = where;
  if (atColumn0 && !code.startsWith('#')) next = code.startsWith('}') ? { kind: 'file' } : containerOpenedBy(code);
  const locals = code.startsWith('#') ? state.locals : nextLocals(code, state, atColumn0, next);
  const uses = scanned.uses.filter((name) => !locals.has(name));
  return { scanned: { ...scanned, uses }, state: { lex, where: next, locals } };
}
