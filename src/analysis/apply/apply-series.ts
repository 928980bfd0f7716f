/**
 * Applies a series in order on a base tree, one commit per patch, in a temporary worktree that
 * is removed on every path out (success, finding, exception, Ctrl-C). The first patch that does
 * not apply stops the run; the patches after it are `not-tried`, since their result would say
 * nothing about the series as posted.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../findings.js';
import type { Patch, PatchSeries, Person } from '../../series/index.js';
import { applyPatchFile, checkApply, commitIndex, commitsSince, type CommitIdentity } from './git.js';
import { formatHunk, gitVerdictLines, parseApplyFailure, type ApplyFailure } from './failure.js';
import { findUnsafePaths, type UnsafePath } from './paths.js';
import { describeBase, openWorkspace, type BaseTree } from './workspace.js';

export type PatchApplyStatus =
  | { index: number; status: 'applied'; commit: string }
  | { index: number; status: 'unsafe-path'; paths: UnsafePath[] }
  | { index: number; status: 'does-not-apply'; failure: ApplyFailure }
  | { index: number; status: 'not-tried' };

export interface ApplyResult {
  /** The base as the user named it. */
  base: string;
  baseCommit: string;
  /** The base was a folder committed by us: commit ids are not the user's and vary between runs. */
  snapshot: boolean;
  /** One entry per patch of the series, in order. */
  patches: PatchApplyStatus[];
  /** True when every patch applied. */
  appliedAll: boolean;
  findings: Finding[];
}

export interface ApplyOptions {
  /**
   * Called with the worktree after each applied patch (`patchIndex` = the patch's index) and once
   * before the first patch (`patchIndex` = 0, the base), while the tree still exists. Read-only use.
   */
  inspect?: (patchIndex: number, worktreeDir: string) => Promise<void>;
}

/** `Name <email>` with the characters git refuses in an ident removed. */
export function authorIdent(person: Person | null): string {
  const clean = (s: string): string => s.replace(/[<>\n\r\0]/g, '').trim();
  const email = clean(person?.email ?? '') || 'unknown@invalid';
  const name = clean(person?.name ?? '') || email;
  return `${name} <${email}>`;
}

function identityOf(patch: Patch): CommitIdentity {
  return { author: authorIdent(patch.author), date: patch.date };
}

function commitMessageOf(patch: Patch): string {
  const body = patch.commitMessage.trim();
  return `${patch.subject}\n${body ? `\n${body}\n` : ''}`;
}

function unsafeFindings(patch: Patch, paths: UnsafePath[]): Finding[] {
  return paths.map((p) => ({
    id: 'unsafe-path',
    severity: 'error' as const,
    where: { patch: patch.index, messageId: patch.messageId, bodyLine: patch.diffBodyLine + p.diffLine - 1 },
    message: `refused to apply: path ${JSON.stringify(p.path)}: ${p.reason}`,
  }));
}

function verdictSummary(failure: ApplyFailure): string {
  const [first = 'git apply failed', ...rest] = gitVerdictLines(failure.gitMessage);
  return rest.length ? `${first} (and ${rest.length} more from git)` : first;
}

function failureFinding(patch: Patch, failure: ApplyFailure): Finding {
  const where = failure.file ? ` to ${failure.file}${failure.line ? ` at line ${failure.line}` : ''}` : '';
  const finding: Finding = {
    id: 'does-not-apply',
    severity: 'error',
    where: { patch: patch.index, messageId: patch.messageId },
    // One line (git's first verdict): text outputs show the rest under "Applies in order", JSON keeps it whole.
    message: `patch ${patch.index} does not apply${where}: ${verdictSummary(failure)}`,
  };
  if (failure.file) finding.where.file = failure.file;
  if (failure.line !== null) finding.where.line = failure.line;
  if (failure.hunk) {
    finding.where.bodyLine = failure.hunk.bodyLine;
    finding.excerpt = formatHunk(failure.hunk);
  }
  return finding;
}

type StepOutcome = { status: PatchApplyStatus; findings: Finding[] };

async function applyOne(patch: Patch, tree: string, scratch: string): Promise<StepOutcome> {
  const index = patch.index;
  const unsafe = findUnsafePaths(patch.diffText, tree);
  if (unsafe.length > 0) return { status: { index, status: 'unsafe-path', paths: unsafe }, findings: unsafeFindings(patch, unsafe) };
  const patchFile = join(scratch, `patch-${index}.diff`);
  writeFileSync(patchFile, patch.diffText.endsWith('\n') ? patch.diffText : `${patch.diffText}\n`);
  const check = await checkApply(tree, patchFile);
  const applied = check.ok ? await applyPatchFile(tree, patchFile) : check;
  if (!applied.ok) {
    const failure = parseApplyFailure(patch, applied.stderr);
    return { status: { index, status: 'does-not-apply', failure }, findings: [failureFinding(patch, failure)] };
  }
  const messageFile = join(scratch, `message-${index}.txt`);
  writeFileSync(messageFile, commitMessageOf(patch));
  await commitIndex(tree, messageFile, identityOf(patch));
  // The commit id is filled in once all patches are in (see withCommitIds).
  return { status: { index, status: 'applied', commit: '' }, findings: [] };
}

async function withCommitIds(patches: PatchApplyStatus[], tree: string, baseCommit: string): Promise<void> {
  const ids = await commitsSince(tree, baseCommit);
  const applied = patches.filter((p) => p.status === 'applied');
  if (ids.length !== applied.length) throw new Error(`expected ${applied.length} commits on the base, found ${ids.length}`);
  applied.forEach((p, i) => { p.commit = ids[i]!; });
}

/** Applies `series` in order on `base`. Problems of the series are findings; a broken base throws. */
export async function applySeries(series: PatchSeries, base: BaseTree, opts: ApplyOptions = {}): Promise<ApplyResult> {
  const space = await openWorkspace(base);
  try {
    const patches: PatchApplyStatus[] = [];
    const findings: Finding[] = [];
    let stopped = false;
    await opts.inspect?.(0, space.tree);
    for (const patch of series.patches) {
      if (stopped) { patches.push({ index: patch.index, status: 'not-tried' }); continue; }
      const step = await applyOne(patch, space.tree, space.scratch);
      patches.push(step.status);
      findings.push(...step.findings);
      if (step.status.status === 'applied') await opts.inspect?.(patch.index, space.tree);
      else stopped = true;
    }
    await withCommitIds(patches, space.tree, space.baseCommit);
    return { base: describeBase(base), baseCommit: space.baseCommit, snapshot: space.snapshot, patches, appliedAll: !stopped, findings };
  } finally {
    await space.dispose();
  }
}
