/**
 * Temporary folders (worktrees, scratch repos, patch files) that must not outlive the run, even
 * when the user presses Ctrl-C or closes the terminal. Each is registered while in use; a
 * process-level SIGINT/SIGTERM/SIGHUP handler, installed once on first use, removes whatever is still
 * registered and then lets the signal take its usual course (exit 130 / 143 / 129). Nothing is
 * registered in the user's repository (the scratch repository only borrows its objects), so removing
 * the folders is the whole cleanup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopRunningGit } from '../../util/git/index.js';

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

/** The signals that end a run, with the shell's exit code for each (128 + the signal number). */
const ENDING_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type EndingSignal = keyof typeof ENDING_SIGNALS;
const SIGNALS = Object.keys(ENDING_SIGNALS) as EndingSignal[];

function onSignal(signal: EndingSignal): void {
  // git children first: one still writing in a tree would recreate what is being removed.
  stopRunningGit();
  removeAllNow();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  handlerInstalled = false;
  // With no other listener, end now with the shell's code for the signal (130 / 143). Re-raising it
  // was asynchronous: the run went on, made new folders (re-installing this handler, which caught the
  // re-raised signal too) and could finish with exit 1 (found by test/git-safety.test.ts). Otherwise
  // the other listener (the CLI's) already received this signal and decides.
  if (process.listenerCount(signal) === 0) process.exit(ENDING_SIGNALS[signal]);
}

function installHandler(): void {
  if (handlerInstalled) return;
  handlerInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
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
