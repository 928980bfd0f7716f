import type { Finding, Severity } from '../../analysis/index.js';
import { gitVerdictLines, type ApplyFailure, type ApplyResult, type PatchApplyStatus } from '../../analysis/apply/index.js';
import type { SeriesSet } from '../../series/index.js';
import type { Block } from './blocks.js';
import { clean } from './series-section.js';

/** The analysis part of a report: check findings, apply, bisect, model, and what the input lacked. */

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, check: 2 };

/** One total order, so the same findings always print the same way whatever order the checks ran in. */
export function compareFindings(a: Finding, b: Finding): number {
  const key = (f: Finding) => [f.where.patch ?? -1, SEVERITY_RANK[f.severity], f.id, f.where.file ?? '', f.where.line ?? 0, f.where.bodyLine ?? 0, f.message] as const;
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < ka.length; i++) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

function findingItem(f: Finding): string[] {
  const where = f.where.patch === undefined ? 'series' : f.where.patch === 0 ? 'cover' : `patch ${f.where.patch}`;
  const place = [f.where.file ? `${clean(f.where.file)}${f.where.line ? `:${f.where.line}` : ''}` : '', f.where.bodyLine ? `body line #${f.where.bodyLine}` : '']
    .filter(Boolean).join(', ');
  const lines = [`${where} [${f.severity}] ${f.id}: ${clean(f.message)}`];
  if (place) lines.push(`at ${place}`);
  if (f.excerpt) lines.push(`line: ${clean(f.excerpt).slice(0, 60)}`);
  return lines;
}

export function findingsBlocks(findings: readonly Finding[]): Block[] {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const head: Block = { kind: 'heading', level: 2, text: 'Check findings' };
  if (!findings.length) return [head, { kind: 'paragraph', text: 'No findings.' }];
  const summary = `${plural(findings.length, 'finding')}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('check'), 'check')}.`;
  return [head, { kind: 'paragraph', text: summary }, { kind: 'list', items: [...findings].sort(compareFindings).map(findingItem) }];
}

/** git's own lines shown under a failed patch: enough to see why, never the whole of a long complaint. */
const MAX_GIT_LINES = 4;

function failureLines(index: number, failure: ApplyFailure): string[] {
  const where = failure.file ? ` to ${clean(failure.file)}${failure.line !== null ? ` at line ${failure.line}` : ''}` : '';
  const said = gitVerdictLines(failure.gitMessage);
  const lines = [`patch ${index}: does not apply${where}`, ...said.slice(0, MAX_GIT_LINES).map((l) => `git: ${clean(l)}`)];
  if (said.length > MAX_GIT_LINES) lines.push(`git: … ${plural(said.length - MAX_GIT_LINES, 'more line')}`);
  if (failure.hunk) lines.push(`hunk: ${clean(failure.hunk.header)} (mail body line ${failure.hunk.bodyLine})`);
  return lines;
}

function applyItem(p: PatchApplyStatus): string[] {
  switch (p.status) {
    case 'applied': return [`patch ${p.index}: applied (${p.commit.slice(0, 12)})`];
    case 'not-tried': return [`patch ${p.index}: not tried (an earlier patch failed)`];
    case 'unsafe-path': return p.paths.map((u) => `patch ${p.index}: refused: ${clean(u.path)}: ${clean(u.reason)} (diff line ${u.diffLine})`);
    case 'does-not-apply': return failureLines(p.index, p.failure);
  }
}

export function applyBlocks(apply: ApplyResult): Block[] {
  const head: Block = { kind: 'heading', level: 2, text: 'Applies in order' };
  // A folder's snapshot commit is ours and differs on every run: naming it would break "same
  // input, same report".
  const base = apply.snapshot ? `on ${clean(apply.base)}` : `on ${clean(apply.base)} (${apply.baseCommit.slice(0, 12)})`;
  if (apply.appliedAll) return [head, { kind: 'paragraph', text: `All ${apply.patches.length} patches apply in order ${base}.` }];
  const bad = apply.patches.filter((p) => p.status !== 'applied' && p.status !== 'not-tried');
  return [
    head,
    { kind: 'paragraph', text: `The series does not apply ${base}: ${bad.map((p) => `patch ${p.index}`).join(', ')} failed.` },
    { kind: 'list', items: apply.patches.filter((p) => p.status !== 'applied').map(applyItem) },
  ];
}

export function inputNotesBlocks(set: SeriesSet): Block[] {
  const items: string[][] = [
    ...set.skipped.map((s) => [`skipped message ${s.origin.index}${s.messageId ? ` <${clean(s.messageId)}>` : ''}: ${clean(s.reason)}`]),
    ...(set.unthreaded.length ? [[`${plural(set.unthreaded.length, 'message')} outside any series`]] : []),
    ...set.notes.map((n) => [clean(n)]),
  ];
  return items.length ? [{ kind: 'heading', level: 2, text: 'Input notes' }, { kind: 'list', items }] : [];
}
