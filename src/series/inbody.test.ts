import { describe, it, expect } from 'vitest';
import { readInBodyHeaders } from './inbody.js';

describe('readInBodyHeaders', () => {
  it('should read From/Subject/Date at the top, continuation lines joined, and the blank after them', () => {
    const got = readInBodyHeaders('\nFrom: A U Thor <a@example.com>\nSubject: [PATCH] long\n  subject\n\nmessage\n');
    expect(got).toEqual({ from: 'A U Thor <a@example.com>', subject: '[PATCH] long subject', date: null, consumed: 5 });
  });

  it('should read nothing when the body starts with prose', () => {
    expect(readInBodyHeaders('Hello\nFrom: x\n')).toEqual({ from: null, subject: null, date: null, consumed: 0 });
  });
});
