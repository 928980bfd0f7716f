/**
 * The misspelling dictionary TYPO_SPELLING reads: a maintained list a package ships, never one typed here.
 * Debian's `codespell` package (its main dictionary, `wrong->right, other,`), or a kernel tree's
 * `scripts/spelling.txt` (`wrong||right`) when one is named. Read once per file, lazily.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface SpellingDictionary {
  /** Where it came from, for notes and --list-checks. */
  path: string;
  /** Lower-case misspelling → its first suggested spelling. */
  fixes: ReadonlyMap<string, string>;
}

/** Where distributions install codespell's main dictionary (Debian/Ubuntu python3 package, pip user/system). */
const CODESPELL_PATHS = [
  '/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt',
  '/usr/share/codespell/dictionary.txt',
  '/usr/local/lib/python3/dist-packages/codespell_lib/data/dictionary.txt',
];

/** `wrong->right` or `wrong->right1, right2,` (codespell) and `wrong||right` (kernel spelling.txt). */
export function parseDictionary(text: string): Map<string, string> {
  const fixes = new Map<string, string>();
  // Read with indexOf, not a regex per line: the codespell list has 37,000 lines and loads on the first check.
  for (const line of text.split('\n')) {
    const arrow = line.indexOf('->');
    const at = arrow >= 0 ? arrow : line.indexOf('||');
    if (at <= 0 || line.startsWith('#')) continue;
    const wrong = line.slice(0, at).trim();
    const comma = line.indexOf(',', at);
    const right = line.slice(at + 2, comma < 0 ? undefined : comma).trim();
    if (right !== '' && /^[A-Za-z]+$/.test(wrong)) fixes.set(wrong.toLowerCase(), right);
  }
  return fixes;
}

const loaded = new Map<string, SpellingDictionary | null>();

export function loadDictionary(path: string): SpellingDictionary | null {
  if (!loaded.has(path)) {
    loaded.set(path, existsSync(path) ? { path, fixes: parseDictionary(readFileSync(path, 'utf8')) } : null);
  }
  return loaded.get(path)!;
}

/** The dictionary in use: PATCHSCOPE_SPELLING names one, else codespell's where it is installed; null when none. */
export function defaultDictionary(): SpellingDictionary | null {
  const named = process.env.PATCHSCOPE_SPELLING;
  if (named) return loadDictionary(named);
  const found = CODESPELL_PATHS.find((p) => existsSync(p));
  return found === undefined ? null : loadDictionary(found);
}
