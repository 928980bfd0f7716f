import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The reviewer's editor as git picks one: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL || env.EDITOR || 'vi';
}

/**
 * Edits `text` in the reviewer's editor and returns what they saved (null when the editor failed).
 * The command is the user's own setting, run as git runs it (`sh -c '$EDITOR "$@"'`), so `code -w`
 * works; mail text only ever reaches the editor inside the file, never the command line.
 * The caller gives the terminal back first (leaves raw mode and the alternate screen).
 */
export function editText(text: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'patchscope-comment-'));
  const file = join(dir, 'COMMENT.txt');
  try {
    writeFileSync(file, text.endsWith('\n') || text === '' ? text : `${text}\n`);
    const r = spawnSync('sh', ['-c', `${editorCommand(env)} "$@"`, 'sh', file], { stdio: 'inherit', env });
    if (r.status !== 0) return null;
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
