import { describe, it, expect } from 'vitest';
import { sanitizeForTerminal } from './sanitize.js';

describe('sanitizeForTerminal', () => {
  it('removes an OSC title set and a CSI clear-screen, keeping the text around them', () => {
    expect(sanitizeForTerminal('a\x1b]0;pwned\x07b\x1b[2Jc')).toBe('abc');
  });
  it('removes OSC 8 hyperlinks and OSC 52 clipboard writes terminated by ST', () => {
    expect(sanitizeForTerminal('x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y')).toBe('xlinky');
    expect(sanitizeForTerminal('\x1b]52;c;ZXZpbA==\x07ok')).toBe('ok');
  });
  it('removes DCS strings, 8-bit CSI and C1 controls', () => {
    expect(sanitizeForTerminal('a\x1bPq#0\x1b\\b\x9b31mc\x85d')).toBe('abcd');
  });
  it('keeps tab and newline, drops other C0 controls and DEL', () => {
    expect(sanitizeForTerminal('a\tb\nc\x00d\x07e\x7f\rf')).toBe('a\tb\ncdef');
  });
  it('drops bidi overrides (Trojan Source)', () => {
    expect(sanitizeForTerminal('if (x\u202e) {\u2066')).toBe('if (x) {');
  });
  it('leaves plain UTF-8 untouched', () => {
    const s = 'Christian König — ok';
    expect(sanitizeForTerminal(s)).toBe(s);
  });
});
