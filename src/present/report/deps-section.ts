import type { SeriesAnalysis, PatchBisect, SplitCheck, SplitSuggestion } from '../../analysis/deps/index.js';
import type { Block } from './blocks.js';
import { clean } from './series-section.js';

/** Bisect and split results of analyzeSeries, for the report. */

function brokenItems(patches: readonly PatchBisect[]): string[][] {
  return patches.flatMap((p) => {
    if (p.status !== 'broken') return [];
    return [[`patch ${p.index} breaks the build:`, ...p.broken.map((b) => `${clean(b.name)} at ${clean(b.file)}:${b.line}, ${clean(b.why)}`)]];
  });
}

function bisectSummary(analysis: SeriesAnalysis): string {
  const b = analysis.bisect;
  const unchecked = b.patches.filter((p) => p.status === 'not-checked').map((p) => p.index);
  const scope = b.partial ? ' (without a base tree: only the lines the series shows were checked)' : '';
  if (b.bisectable) return `Bisectable at every patch${scope}.`;
  const broken = b.patches.filter((p) => p.status === 'broken').map((p) => p.index);
  const unknown = b.patches.filter((p) => p.status === 'unknown').map((p) => p.index);
  const parts = [
    broken.length ? `broken after patch ${broken.join(', ')}` : '',
    unknown.length ? `unknown after patch ${unknown.join(', ')}: uses the series does not show defined (check with --base)` : '',
    unchecked.length ? `not checked: ${unchecked.join(', ')}` : '',
  ].filter(Boolean);
  return `${broken.length ? 'Not bisectable' : 'Bisectability unknown'}: ${parts.join('; ')}${scope}.`;
}

function splitBlocks(split: SplitCheck | null, suggestion: SplitSuggestion | null): Block[] {
  const blocks: Block[] = [];
  if (split) {
    blocks.push({ kind: 'paragraph', text: `Split after ${split.cuts.join(', ')}: ${split.ok ? 'every part stands alone' : 'some parts do not stand alone'}.` });
    blocks.push({
      kind: 'list',
      items: split.parts.map((p) => [
        `patches ${p.first}-${p.last}: ${p.standsAlone ? 'stands alone' : 'needs later patches'}${p.brokenAtEnd ? ', tree broken at its end' : ''}`,
        ...p.needs.map((n) => `patch ${n.patch} needs patch ${n.needs}`),
      ]),
    });
  }
  if (suggestion) {
    const cuts = suggestion.cuts.length ? suggestion.cuts.join(', ') : 'nowhere';
    blocks.push({ kind: 'paragraph', text: `The series can be cut after: ${cuts}.` });
  }
  return blocks;
}

export function depsBlocks(analysis: SeriesAnalysis): Block[] {
  const broken = brokenItems(analysis.bisect.patches);
  return [
    { kind: 'heading', level: 2, text: 'Bisect and split' },
    { kind: 'paragraph', text: bisectSummary(analysis) },
    ...(broken.length ? [{ kind: 'list' as const, items: broken }] : []),
    ...splitBlocks(analysis.split, analysis.suggestion),
  ];
}
