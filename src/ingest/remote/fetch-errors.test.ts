// Each way a server can fail us, against a loopback server this test starts (node:http / node:net):
// 404, redirects (same host followed, another host refused unless allowed, loops), a server that
// never answers, answers that are too large, a TLS handshake with a plain-HTTP server, a closed port,
// and the cached copy that stands in (said) when the server cannot be reached.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readInput } from '../read-input.js';
import { RemoteError } from './remote-error.js';
import type { RemoteOptions } from './fetch-cached.js';

const MBOX = readFileSync(resolve(__dirname, '../../../fixtures/dmabuf-mapping-types/series.mbox'));
const GZ = gzipSync(MBOX);
const MID = '0-v1-b5cab63049c0+191af-dmabuf_map_type_jgg@nvidia.com';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handler: Handler = (_q, r) => r.end();
let server: Server;
let base = '';
let port = 0;
const requests: string[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  base = `http://127.0.0.1:${port}/inbox/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
afterEach(() => {
  requests.length = 0;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function opts(extra: RemoteOptions = {}): RemoteOptions & { notices: string[] } {
  const d = mkdtempSync(join(tmpdir(), 'patchscope-fetch-'));
  dirs.push(d);
  const notices: string[] = [];
  return { server: base, cacheDir: d, timeoutSeconds: 2, notices, onNotice: (l) => notices.push(l), ...extra };
}

async function failure(spec: string, o: RemoteOptions): Promise<RemoteError> {
  try {
    await readInput(spec, { remote: o });
  } catch (e) {
    if (e instanceof RemoteError) return e;
    throw e;
  }
  throw new Error('expected a RemoteError');
}

const serveThread: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/gzip' });
  res.end(GZ);
};

describe('fetching a thread by Message-ID', () => {
  it('asks for SERVER/MSGID/t.mbox.gz and reads the gzip answer as any mbox.gz', async () => {
    handler = serveThread;
    const r = await readInput(`<${MID}>`, { remote: opts() });
    expect(r.messages).toHaveLength(39);
    expect(r.messages[0]!.messageId).toBe(MID);
    expect(requests).toEqual([`GET /inbox/${encodeURIComponent(MID)}/t.mbox.gz`]);
  });

  it('404: "no such message on SERVER", named by its Message-ID', async () => {
    handler = (_q, r) => { r.writeHead(404); r.end('No message found'); };
    const e = await failure('nobody@example.org', opts());
    expect(e.message).toBe(`<nobody@example.org>: no such message on ${base}`);
    expect(e.failure.kind).toBe('not-found');
  });

  it('follows a redirect within the same host', async () => {
    handler = (req, res) => {
      if (req.url!.startsWith('/inbox/')) { res.writeHead(301, { location: `/moved${req.url!.slice('/inbox'.length)}` }); res.end(); }
      else serveThread(req, res);
    };
    const r = await readInput(`<${MID}>`, { remote: opts() });
    expect(r.messages).toHaveLength(39);
    expect(requests[1]).toBe(`GET /moved/${encodeURIComponent(MID)}/t.mbox.gz`);
  });

  it('refuses a redirect to another host unless that host is allowed', async () => {
    handler = (req, res) => {
      if (req.headers.host === `127.0.0.1:${port}`) { res.writeHead(302, { location: `http://localhost:${port}${req.url}` }); res.end(); }
      else serveThread(req, res);
    };
    const e = await failure(`<${MID}>`, opts());
    expect(e.failure).toMatchObject({ kind: 'redirect', to: `http://localhost:${port}/inbox/${encodeURIComponent(MID)}/t.mbox.gz` });
    expect(e.message).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/inbox\/: refused a redirect to http:\/\/localhost:\d+\/.*another host than 127\.0\.0\.1:\d+ \(allow it with --allow-redirect localhost:\d+\)$/);
    expect(requests).toHaveLength(1);
    const r = await readInput(`<${MID}>`, { remote: opts({ redirectHosts: [`localhost:${port}`] }) });
    expect(r.messages).toHaveLength(39);
  });

  it('gives up on a redirect loop', async () => {
    handler = (req, res) => { res.writeHead(302, { location: req.url! }); res.end(); };
    const e = await failure(`<${MID}>`, opts());
    expect(e.message).toMatch(/more than 5 redirects/);
    expect(requests).toHaveLength(6);
  });

  it('names a timeout when the server never answers, and when it stops sending mid-answer', async () => {
    handler = () => { /* never answers */ };
    const e = await failure(`<${MID}>`, opts({ timeoutSeconds: 1 }));
    expect(e.message).toBe(`${base}: timed out after 1 s waiting for the server to answer`);
    handler = (_q, res) => { res.writeHead(200); res.write(GZ.subarray(0, 1000)); /* then silence */ };
    const e2 = await failure(`<${MID}>`, opts({ timeoutSeconds: 1 }));
    expect(e2.message).toBe(`${base}: timed out: no data for 1 s while reading the answer`);
  });

  it('caps the answer: by its declared length, and while streaming when no length is declared', async () => {
    handler = serveThread;
    const e = await failure(`<${MID}>`, opts({ maxBytes: 1000 }));
    expect(e.message).toBe(`${base}: the answer is larger than 1000 bytes (raise --max-message-size to accept it)`);
    handler = (_q, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      const timer = setInterval(() => res.write(Buffer.alloc(64 * 1024, 0x41)), 5);
      res.on('close', () => clearInterval(timer));
    };
    const e2 = await failure(`<${MID}>`, opts({ maxBytes: 1024 * 1024 }));
    expect(e2.failure).toEqual({ kind: 'too-large', limit: 1024 * 1024 });
  });

  it('also caps through --max-message-size (limits.maxMessageBytes) when no own cap is given', async () => {
    handler = serveThread;
    await expect(readInput(`<${MID}>`, { limits: { maxMessageBytes: 5000 }, remote: opts() })).rejects.toThrow(/larger than 5000 bytes/);
  });

  it('names TLS when the handshake fails (https to a plain-HTTP server)', async () => {
    const e = await failure(`<${MID}>`, opts({ server: `https://127.0.0.1:${port}/inbox/` }));
    expect(e.failure.kind).toBe('tls');
    expect(e.message).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/inbox\/: TLS failure \(/);
  });

  it('an HTTP error status is named', async () => {
    handler = (_q, r) => { r.writeHead(503); r.end(); };
    expect((await failure(`<${MID}>`, opts())).message).toBe(`${base}: the server answered HTTP 503`);
  });
});

describe('the cache', () => {
  it('serves a fresh copy without asking, and stands in (said) when the server cannot be reached', async () => {
    handler = serveThread;
    const o = opts();
    await readInput(`<${MID}>`, { remote: o });
    expect(readdirSync(o.cacheDir!).filter((f) => f.endsWith('.gz'))).toHaveLength(1);
    expect(readdirSync(o.cacheDir!).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    requests.length = 0;
    const again = await readInput(`<${MID}>`, { remote: o });
    expect(again.messages).toHaveLength(39);
    expect(requests).toEqual([]);
    expect(o.notices.at(-1)).toBe(`using the cached copy of <${MID}> from ${base}`);
  });

  it('no network: the cached copy stands in, said in one line naming the server and cause; without one, exit with that line', async () => {
    const gone = createServer((_q, r) => serveThread(_q, r));
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const goneBase = `http://127.0.0.1:${(gone.address() as { port: number }).port}/inbox/`;
    const o = opts({ server: goneBase, cacheMaxAgeSeconds: 0 });
    await readInput(`<${MID}>`, { remote: o });
    gone.closeAllConnections();
    await new Promise((r) => gone.close(r));
    const r = await readInput(`<${MID}>`, { remote: o });
    expect(r.messages).toHaveLength(39);
    expect(o.notices).toEqual([expect.stringMatching(new RegExp(`^${escape(goneBase)}: cannot reach the server \\(ECONNREFUSED: connection refused\\); using the cached copy fetched `))]);
    // Another Message-ID has no copy: the same cause, as the error.
    await expect(readInput('other@example.org', { remote: o })).rejects.toThrow(`${goneBase}: cannot reach the server (ECONNREFUSED: connection refused)`);
  });

  it('uses a stale copy when the server is down, and says so in one line', async () => {
    handler = serveThread;
    const o = opts({ cacheMaxAgeSeconds: 0 });
    await readInput(`<${MID}>`, { remote: o });
    handler = (_q, r) => { r.writeHead(502); r.end(); };
    const r = await readInput(`<${MID}>`, { remote: o });
    expect(r.messages).toHaveLength(39);
    expect(o.notices).toHaveLength(1);
    expect(o.notices[0]).toMatch(new RegExp(`^${escape(base)}: the server answered HTTP 502; using the cached copy fetched \\d{4}-\\d\\d-\\d\\dT`));
  });

  it('--no-cache neither reads nor writes it', async () => {
    handler = serveThread;
    const o = opts({ noCache: true });
    await readInput(`<${MID}>`, { remote: o });
    await readInput(`<${MID}>`, { remote: o });
    expect(requests).toHaveLength(2);
    expect(readdirSync(o.cacheDir!)).toEqual([]);
  });

  it('a 404 does not fall back to a cached copy', async () => {
    handler = serveThread;
    const o = opts({ cacheMaxAgeSeconds: 0 });
    await readInput(`<${MID}>`, { remote: o });
    handler = (_q, r) => { r.writeHead(404); r.end(); };
    await expect(readInput(`<${MID}>`, { remote: o })).rejects.toThrow(/no such message/);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
