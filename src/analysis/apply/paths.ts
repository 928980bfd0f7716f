/**
 * Which paths a patch would write, read from the diff text the way `git apply` reads it, and
 * whether each is safe to hand to git inside a temporary worktree. Mail is untrusted: a path
 * that is absolute, climbs with `..`, enters `.git`, carries control or shell characters, or
 * passes through a symbolic link is refused before git sees the patch.
 */
import { lstatSync } from 'node:fs';
import { join } from 'node:path';

export interface PatchPath {
  path: string;
  /** 1-based line within the diff text where the path was named. */
  diffLine: number;
  /** True when the patch makes this path a symbolic link (mode 120000). */
  becomesSymlink: boolean;
}

export interface UnsafePath {
  path: string;
  diffLine: number;
  reason: string;
}

/** Header lines that name a path, each regex written once. Group 1 is the raw path. */
const PATH_HEADERS: readonly RegExp[] = [
  /^--- (.+?)\t?$/,
  /^\+\+\+ (.+?)\t?$/,
  /^rename (?:from|to) (.+)$/,
  /^copy (?:from|to) (.+)$/,
];
const DIFF_GIT = /^diff --git (.+)$/;
/**
 * Header lines that give the mode a path has after the patch: `new file mode M`, `new mode M`, and
 * the mode at the end of `index A..B M` (kept by a rename or a change of the path's content).
 * `deleted file mode` and `old mode` do not: the path is no link afterwards.
 */
const MODE_LINE = /^(?:new file mode |new mode |index [0-9a-fA-F]+\.\.[0-9a-fA-F]+ )(.*)$/;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const ULONG_MAX = (1n << 64n) - 1n;

/**
 * Whether git would take a mode text as a symbolic link. git reads it with `strtoul(text, &end, 8)`
 * (leading blanks, a sign and any number of leading zeros accepted; a blank or the end of the line
 * must follow the digits), keeps it as an unsigned int and takes the file type from its S_IFMT bits
 * (`canon_mode`). So `0120000`, `120000 ` and `120755` are links as much as `120000` is.
 */
export function gitModeIsSymlink(text: string): boolean {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-7]+)(?:[ \t\n\v\f\r]|$)/.exec(text);
  if (!m) return false; // git refuses the patch ("invalid mode")
  let value = BigInt(`0o${m[2]!}`);
  if (value > ULONG_MAX) value = ULONG_MAX;
  else if (m[1] === '-') value = (ULONG_MAX + 1n - value) & ULONG_MAX;
  const mode = Number(value & 0xffffffffn);
  return (mode & S_IFMT) === S_IFLNK;
}

const C_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', a: '\x07', b: '\b', f: '\f', r: '\r', v: '\v' };

/** Undoes git's C-style quoting of a path (`"a/f\303\251e"`), as git-apply does. */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) return raw;
  const bytes: number[] = [];
  const body = raw.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== '\\') { bytes.push(...Buffer.from(ch, 'utf8')); continue; }
    const next = body[i + 1] ?? '';
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) { bytes.push(parseInt(octal[0], 8)); i += 3; continue; }
    bytes.push(...Buffer.from(C_ESCAPES[next] ?? next, 'utf8'));
    i += 1;
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Drops the one leading component git-apply strips by default (`-p1`): `a/x` → `x`. */
function stripPrefix(path: string): string | null {
  if (path === '/dev/null') return null;
  if (path.startsWith('/')) return path; // absolute stays absolute so it is refused below
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** Splits `a/x b/y` (either side possibly quoted) of a `diff --git` line into its two names. */
function splitDiffGit(rest: string): string[] {
  const quoted = rest.match(/"(?:[^"\\]|\\.)*"|[^ ]+/g) ?? [];
  if (quoted.length === 2) return quoted;
  // Unquoted names with spaces: git writes `a/NAME b/NAME`, so split at the middle ` b/`.
  const mid = rest.indexOf(' b/');
  return mid > 0 ? [rest.slice(0, mid), rest.slice(mid + 1)] : quoted;
}

const HUNK_HEADER = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** How many old and new lines a hunk header announces, so hunk bodies are never read as headers. */
function hunkSize(line: string): { old: number; new: number } | null {
  const m = HUNK_HEADER.exec(line);
  return m ? { old: Number(m[1] ?? 1), new: Number(m[2] ?? 1) } : null;
}

/** Every path the diff text names in a header, in order, with repeats removed. */
export function patchPaths(diffText: string): PatchPath[] {
  const out = new Map<string, PatchPath>();
  let current: string[] = [];
  let pending = { old: 0, new: 0 };
  const add = (raw: string, diffLine: number): void => {
    const path = stripPrefix(unquotePath(raw.trim()));
    if (path === null) return;
    current.push(path);
    if (!out.has(path)) out.set(path, { path, diffLine, becomesSymlink: false });
  };
  diffText.split('\n').forEach((line, i) => {
    if (pending.old > 0 || pending.new > 0) {
      if (!line.startsWith('+')) pending.old -= 1;
      if (!line.startsWith('-') && !line.startsWith('\\')) pending.new -= 1;
      if (line.startsWith('\\')) pending.old += 1;
      return;
    }
    const size = hunkSize(line);
    if (size) { pending = size; return; }
    const git = DIFF_GIT.exec(line);
    if (git) { current = []; for (const name of splitDiffGit(git[1]!)) add(name, i + 1); return; }
    const mode = MODE_LINE.exec(line);
    if (mode) {
      if (gitModeIsSymlink(mode[1]!)) for (const p of current) out.get(p)!.becomesSymlink = true;
      return;
    }
    for (const re of PATH_HEADERS) {
      const m = re.exec(line);
      // rename/copy lines carry no a/ b/ prefix: re-add one so stripPrefix keeps the name whole.
      if (m) { add(/^(rename|copy)/.test(line) ? `x/${m[1]!}` : m[1]!, i + 1); return; }
    }
  });
  return [...out.values()];
}

/** Characters a shell would interpret; kernel trees never use them in file names. */
const SHELL_CHARS = /[`$;|&<>(){}*?[\]!\\"'~]/;
const CONTROL_CHARS = /[\x00-\x1f\x7f]/;

/** Why a path is unsafe by its text alone, or null. */
export function pathTextProblem(path: string): string | null {
  if (path.length === 0) return 'empty path';
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return 'absolute path';
  if (CONTROL_CHARS.test(path)) return 'control character (newline, tab …) in the file name';
  if (SHELL_CHARS.test(path)) return 'shell metacharacter in the file name';
  const parts = path.split('/');
  if (parts.some((p) => p === '..')) return '".." climbs out of the tree';
  if (parts.some((p) => p.toLowerCase() === '.git')) return 'writes inside .git';
  if (parts.some((p) => p === '.' || p === '')) return 'empty or "." path component';
  return null;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Why writing `path` in `root` would pass through a link (on disk or made by this patch), or null. */
function symlinkProblem(root: string, path: string, linksInPatch: ReadonlySet<string>): string | null {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    if (linksInPatch.has(prefix) || isSymlink(join(root, prefix))) return `passes through the symbolic link ${prefix}`;
  }
  return null;
}

/** The unsafe paths of a patch, checked against the worktree `root` as it is before the patch. */
export function findUnsafePaths(diffText: string, root: string): UnsafePath[] {
  const paths = patchPaths(diffText);
  const links = new Set(paths.filter((p) => p.becomesSymlink).map((p) => p.path));
  const unsafe: UnsafePath[] = [];
  for (const p of paths) {
    const reason = pathTextProblem(p.path) ?? symlinkProblem(root, p.path, links);
    if (reason) unsafe.push({ path: p.path, diffLine: p.diffLine, reason });
  }
  return unsafe;
}
