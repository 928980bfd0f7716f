import { describe, it, expect } from 'vitest';
import { toShowJson } from '../../series/index.js';
import { renderJson } from './json.js';
import { demoFindings, demoInput } from './report-fixture.test-util.js';

describe('renderJson', () => {
  const text = renderJson(demoInput());
  const doc = JSON.parse(text) as Record<string, unknown>;

  it('should be the show contract plus findings, review and verify, schema 1 first', () => {
    expect(Object.keys(doc)[0]).toBe('schema');
    expect(doc.schema).toBe(1);
    const show = toShowJson(demoInput().set) as unknown as Record<string, unknown>;
    for (const key of Object.keys(show)) expect(doc[key]).toEqual(show[key]);
    const verify = doc.verify as { ok: boolean; ms?: number; sequences: { steps: { ms?: number; verdict: string }[] }[] };
    expect(verify.ok).toBe(false);
    expect(verify.sequences[0]!.steps.map((s) => s.verdict)).toEqual(['pass', 'fail']);
    expect(doc.analysis).toBeNull();
    const review = doc.review as { counts: Record<string, number> }[];
    expect(review[0]!.counts).toEqual({ endorsed: 1, discussed: 1, silent: 1 });
  });

  it('should escape mail control characters, never strip them', () => {
    // Bidi overrides too are written as escapes (JSON.stringify alone leaves them raw).
    expect(text).toContain('\\u001b]0;pwned\\u0007<linux/widget.h> \\u202eevil');
    expect(text).not.toMatch(/[\x1b\u202e]/);
  });

  it('should leave the model timings out, since they differ run to run', () => {
    expect(text).not.toMatch(/"ms"|statesPerSecond/);
  });

  it('should sort findings and give the same bytes for the same input', () => {
    expect((doc.findings as { id: string }[]).map((f) => f.id)).toEqual(['series-missing-cover', 'missing-signoff', 'trailing-whitespace']);
    expect(renderJson({ ...demoInput(), findings: [...demoFindings].reverse() })).toBe(text);
    expect(text).not.toContain('generated');
    expect(JSON.parse(renderJson(demoInput(), { now: new Date('2026-04-22T10:00:00Z') })).generated).toBe('2026-04-22T10:00:00.000Z');
  });
});
