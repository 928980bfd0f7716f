/**
 * Which inputs name a message on a public-inbox server rather than a local file: `<msgid>`, a bare
 * `local@domain`, `lore:<msgid>`, or an archive URL (`https://lore.kernel.org/LIST/MSGID/…`). Pure: whether a
 * bare `a@b` is a file that exists is the caller's question (a file wins).
 */

/** A message on a server: its Message-ID, and the server (inbox URL) when the input itself named one. */
export interface RemoteRef {
  msgid: string;
  /** `https://host/list/` from a URL input; null: the configured server. */
  server: string | null;
  /** How the input was written, for messages. */
  form: 'angle' | 'bare' | 'lore' | 'url';
}

/** RFC 5322 allows more, but a Message-ID with blanks, controls or brackets is not one we can ask a server for. */
const MSGID = /^[^\s<>\x00-\x1f\x7f]{1,995}$/;
const ANGLE = /^<([^<>]+)>$/;

/** The RemoteRef an input names, or null when it is not a remote form (a path, `-`, `git:`, `series:`). */
export function parseRemoteSpec(spec: string): RemoteRef | null {
  if (spec.startsWith('lore:')) {
    const msgid = stripAngles(spec.slice('lore:'.length));
    return validMsgid(msgid) ? { msgid, server: null, form: 'lore' } : null;
  }
  if (/^https?:\/\//i.test(spec)) return parseArchiveUrl(spec);
  const angle = ANGLE.exec(spec);
  if (angle) return validMsgid(angle[1]!) ? { msgid: angle[1]!, server: null, form: 'angle' } : null;
  // Bare: exactly one `@` with text on both sides and no path separators (a path like ./a@b is a file).
  if (/^[^\s/@<>]+@[^\s/@<>]+$/.test(spec) && validMsgid(spec) && !spec.startsWith('git:')) {
    return { msgid: spec, server: null, form: 'bare' };
  }
  return null;
}

/**
 * `https://host/LIST/MSGID/`, `…/MSGID/T/#u`, `…/MSGID/t.mbox.gz`, `https://host/r/MSGID`: the first path
 * segment holding an `@` is the Message-ID (percent-decoded), and everything before it is the inbox URL.
 */
function parseArchiveUrl(spec: string): RemoteRef | null {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return null;
  }
  const segments = url.pathname.split('/');
  for (let i = 1; i < segments.length; i++) {
    let seg: string;
    try {
      seg = decodeURIComponent(segments[i]!);
    } catch {
      return null;
    }
    if (!seg.includes('@')) continue;
    const msgid = stripAngles(seg);
    if (!validMsgid(msgid)) return null;
    // lore's /r/ only redirects to /all/, and cannot be searched: ask /all/ itself.
    const path = segments.slice(0, i).join('/');
    const server = `${url.protocol}//${url.host}${path === '/r' ? '/all' : path}/`;
    return { msgid, server, form: 'url' };
  }
  return null;
}

function stripAngles(s: string): string {
  const m = ANGLE.exec(s.trim());
  return m ? m[1]! : s.trim();
}

function validMsgid(s: string): boolean {
  return MSGID.test(s) && s.includes('@');
}

/** The thread of `msgid` as an mbox.gz on a public-inbox inbox (what b4 fetches). */
export function threadUrl(server: string, msgid: string): string {
  return `${server}${encodeURIComponent(msgid)}/t.mbox.gz`;
}

/** A search of an inbox whose results come back as one mbox.gz (public-inbox `x=m`; POST, as b4 sends it). */
export function searchUrl(server: string, query: string): string {
  return `${server}?x=m&q=${encodeURIComponent(query)}`;
}
