import type { Finding, Severity } from '../../../analysis/index.js';
import { clean, line, padEnd, type DocLine } from './lines.js';

export type LevelFilter = 'all' | Severity;

export interface FindingsFilter {
  level: LevelFilter;
  /** A finding id (`missing-signoff`), or null for every type. */
  type: string | null;
}

export const NO_FILTER: FindingsFilter = { level: 'all', type: null };

export function applyFilter(findings: Finding[], filter: FindingsFilter): Finding[] {
  return findings.filter((f) => (filter.level === 'all' || f.severity === filter.level) && (filter.type === null || f.id === filter.type));
}

/** The distinct finding types, sorted, for the type filter to cycle through. */
export function findingTypes(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.id))].sort();
}

const MARK = { error: 'E', warning: 'W', check: 'C' } as const;

function where(f: Finding): string {
  const w = f.where;
  const patch = w.patch === undefined ? '--' : String(w.patch).padStart(2, '0');
  const loc = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}` : w.bodyLine ? `#${w.bodyLine}` : '';
  return `${patch} ${loc}`;
}

/** One row per finding; Enter leads to the patch line it is about. */
export function findingRows(findings: Finding[]): DocLine[] {
  if (findings.length === 0) return [line([['No findings match.', 'dim']])];
  return findings.map((f) => {
    const target = f.where.patch !== undefined
      ? { kind: 'patch' as const, patch: f.where.patch, ...(f.where.bodyLine ? { bodyLine: f.where.bodyLine } : {}), ...(f.where.file ? { file: f.where.file } : {}), ...(f.where.line ? { line: f.where.line } : {}) }
      : undefined;
    return line([
      [`${MARK[f.severity]} `, f.severity],
      [padEnd(clean(f.id), 24) + ' ', f.severity],
      [padEnd(clean(where(f)), 36) + ' ', 'accent'],
      [clean(f.message), 'plain'],
      [f.excerpt ? `  ‹${clean(f.excerpt).trim()}›` : '', 'dim'],
    ], target ? { target } : {});
  });
}

export function describeFilter(filter: FindingsFilter, shown: number, total: number): string {
  return `level: ${filter.level} (e)  type: ${clean(filter.type ?? 'all')} (t)  showing ${shown} of ${total}`;
}
