import { describe, expect, it } from 'vitest';
import { parseRemoteSpec, searchUrl, threadUrl } from './spec.js';

const MID = '0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com';

describe('parseRemoteSpec', () => {
  it('reads every form b4 users write', () => {
    expect(parseRemoteSpec(`<${MID}>`)).toEqual({ msgid: MID, server: null, form: 'angle' });
    expect(parseRemoteSpec(MID)).toEqual({ msgid: MID, server: null, form: 'bare' });
    expect(parseRemoteSpec(`lore:${MID}`)).toEqual({ msgid: MID, server: null, form: 'lore' });
    expect(parseRemoteSpec(`lore:<${MID}>`)).toEqual({ msgid: MID, server: null, form: 'lore' });
  });

  it('takes the inbox from an archive URL, whatever follows the Message-ID', () => {
    for (const tail of ['', '/', '/T/#u', '/t.mbox.gz', '/raw']) {
      expect(parseRemoteSpec(`https://lore.kernel.org/linux-media/${MID}${tail}`)).toEqual({
        msgid: MID, server: 'https://lore.kernel.org/linux-media/', form: 'url',
      });
    }
    // Percent-encoded as lore writes links, and the /r/ redirector (to /all/, which can also be searched).
    expect(parseRemoteSpec(`https://lore.kernel.org/all/${encodeURIComponent(MID)}/`)?.msgid).toBe(MID);
    expect(parseRemoteSpec(`https://lore.kernel.org/r/${MID}`)?.server).toBe('https://lore.kernel.org/all/');
    expect(parseRemoteSpec(`http://127.0.0.1:8080/test/${MID}/`)?.server).toBe('http://127.0.0.1:8080/test/');
  });

  it('leaves local inputs alone', () => {
    for (const spec of ['series.mbox', '-', 'git:v6.1..HEAD', 'series:12', './dir/a@b.mbox', 'dir/x@y', 'https://lore.kernel.org/linux-media/', 'bundled', 'a b@c', '<>', 'lore:nothing']) {
      expect(parseRemoteSpec(spec), spec).toBeNull();
    }
  });

  it('refuses Message-IDs with blanks or control characters (never sent to a server)', () => {
    expect(parseRemoteSpec('<a\x1b[2J@b>')).toBeNull();
    expect(parseRemoteSpec('lore:a\n@b')).toBeNull();
    expect(parseRemoteSpec('https://h/l/a%0a@b/')).toBeNull();
  });
});

describe('URLs on the server', () => {
  it('quotes the Message-ID as b4 does (quote_plus keeps none of + @ /)', () => {
    expect(threadUrl('https://lore.kernel.org/all/', 'a+b/c@d')).toBe('https://lore.kernel.org/all/a%2Bb%2Fc%40d/t.mbox.gz');
    expect(searchUrl('http://h/i/', 's:"x y" AND f:"a@b"')).toBe('http://h/i/?x=m&q=s%3A%22x%20y%22%20AND%20f%3A%22a%40b%22');
  });
});
