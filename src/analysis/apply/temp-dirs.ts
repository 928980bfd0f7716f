/**
 * Temporary folders (worktrees, scratch repos, patch files) that must not outlive the run, even
 * when the user presses Ctrl-C. Each is registered while in use; a process-level SIGINT/SIGTERM
 * handler, installed once on first use, removes whatever is still registered and then lets the
 * signal take its usual course (exit 130 / 143). A worktree's record left in its repository by
 * a Ctrl-C is pruned by the next `git worktree prune` (ours after each run, or git's own gc).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const live = new Set<string>();
let handlerInstalled = false;

/**
 * Never throws: it runs in a signal handler, where a git child may still be writing in a folder
 * (rmSync then failed with ENOTEMPTY and the user saw a stack trace; found by test/git-safety.test.ts).
 * A folder that cannot be removed yet is retried, then kept registered for the 'exit' handler.
 */
function removeAllNow(): void {
  for (const dir of live) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
      live.delete(dir);
    } catch {
      // Left registered: the 'exit' handler tries again.
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  removeAllNow();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  handlerInstalled = false;
  // With no other listener, end now with the shell's code for the signal (130 / 143). Re-raising it
  // was asynchronous: the run went on, made new folders (re-installing this handler, which caught the
  // re-raised signal too) and could finish with exit 1 (found by test/git-safety.test.ts). Otherwise
  // the other listener (the CLI's) already received this signal and decides.
  if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
}

function installHandler(): void {
  if (handlerInstalled) return;
  handlerInstalled = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', removeAllNow);
}

/** Creates and registers a fresh folder under the system temp dir. */
export function makeTempDir(label: string): string {
  installHandler();
  const dir = mkdtempSync(join(tmpdir(), `patchscope-${label}-`));
  live.add(dir);
  return dir;
}

/** Removes a registered folder (and forgets it). Safe to call twice. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  live.delete(dir);
}

/** Folders still registered: for tests that check cleanup. */
export function liveTempDirs(): readonly string[] {
  return [...live];
}
