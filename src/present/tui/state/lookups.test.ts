import { describe, it, expect } from 'vitest';
import { proposedSequence, stepOf, trailerBadges, shortDate } from './lookups.js';
import { makePatch, makeTrailer, makeSet, CHRISTIAN, JASON } from '../testing/fixtures.test-util.js';
import type { ReviewData, StepView } from '../data.js';

const step = (name: string, patches: number[]): StepView => ({ name, patches, deltas: [], invariants: [] });

describe('stepOf', () => {
  const data: ReviewData = {
    set: makeSet([]), findings: [],
    verify: { sequences: [
      { name: 'as-posted', expect: 'fail', steps: [step('01', [1]), step('02', [2]), step('03', [3])] },
      { name: 'proposed', expect: 'pass', steps: [step('SGT types', [1, 2]), step('converters', [3])] },
    ] },
  };
  it('follows the sequence the plan expects to pass, not the series as posted', () => {
    expect(proposedSequence(data)?.name).toBe('proposed');
    expect(stepOf(data, 2)).toEqual({ number: 1, name: 'SGT types' });
    expect(stepOf(data, 3)).toEqual({ number: 2, name: 'converters' });
    expect(stepOf(data, 9)).toBeNull();
  });
  it('falls back to the first sequence, and to nothing without a report', () => {
    expect(proposedSequence({ ...data, verify: { sequences: [data.verify!.sequences[0]!] } })?.name).toBe('as-posted');
    expect(stepOf({ set: makeSet([]), findings: [] }, 1)).toBeNull();
  });
});

describe('trailerBadges', () => {
  it('counts Reviewed/Acked/Tested-by once per person, as b4 does', () => {
    const p = makePatch({ index: 1, summary: 'x', extraTrailers: [
      makeTrailer('Reviewed-by', CHRISTIAN, 'a', 'reply'), makeTrailer('Reviewed-by', CHRISTIAN, 'b', 'reply'),
      makeTrailer('Acked-by', JASON, 'c', 'reply'), makeTrailer('Tested-by', CHRISTIAN, 'd', 'reply'),
    ] }, 1);
    expect(trailerBadges(p)).toEqual({ R: 1, A: 1, T: 1 });
  });
});

describe('shortDate', () => {
  it('shortens ISO dates and keeps anything else', () => {
    expect(shortDate('2026-04-13T08:29:00.000Z')).toBe('2026-04-13 08:29');
    expect(shortDate('yesterday')).toBe('yesterday');
    expect(shortDate(null)).toBe('');
  });
});
