// A real public-inbox server for tests and the bench (Debian's public-inbox package): an inbox made with
// public-inbox-init -V2 -L full (full: phrase searches such as s:"…", which version lookup sends),
// messages delivered one by one with public-inbox-mda (spam check off), served by public-inbox-httpd on
// a free loopback port in its own process group, which stop() kills whole (httpd forks workers).
// HOME and the public-inbox config live in the given folder, never the user's.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const TOOLS = ['public-inbox-init', 'public-inbox-mda', 'public-inbox-httpd'];

/** Null when public-inbox is installed, else why not (for a skip reason). */
export function publicInboxMissing() {
  for (const tool of TOOLS) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} not found (Debian package public-inbox)`;
  }
  return null;
}

/** The messages of an mbox file, each without its `From ` separator line. */
export function mboxMessages(path) {
  const text = readFileSync(path, 'latin1');
  const parts = text.split(/^From [^\n]*\n/m).filter((p) => p.trim() !== '');
  return parts.map((p) => Buffer.from(p, 'latin1'));
}

/**
 * A -V2 inbox named `name` under `dir` holding `messages` (Buffers), delivered in order. Returns the
 * HOME to serve it with. Takes ~1 s a message on a loaded 2-core machine: keep test inboxes small.
 */
export function seedInbox(dir, name, messages) {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
  const address = `${name}@example.org`;
  execFileSync('public-inbox-init', ['-V2', '-L', 'full', name, join(dir, name), `http://127.0.0.1/${name}`, address], { env, stdio: 'pipe' });
  execFileSync('git', ['config', '-f', join(home, '.public-inbox', 'config'), 'publicinboxmda.spamcheck', 'none'], { env });
  for (const [i, msg] of messages.entries()) {
    const r = spawnSync('public-inbox-mda', ['--no-precheck'], { input: msg, env: { ...env, ORIGINAL_RECIPIENT: address } });
    if (r.status !== 0) throw new Error(`public-inbox-mda refused message ${i + 1}: ${r.stderr.toString().trim()}`);
  }
  writeFileSync(join(dir, 'seeded'), `${messages.length}\n`);
  return home;
}

/** Whether seedInbox finished in `dir` (a cut run leaves no marker). */
export function isSeeded(dir) {
  return existsSync(join(dir, 'seeded'));
}

/** A port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * public-inbox-httpd for the inboxes of `home` on a free loopback port; resolves once `/NAME/` answers.
 * Returns { base: 'http://127.0.0.1:PORT/', stop() }.
 */
export async function startHttpd(home, name) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn('public-inbox-httpd', ['-l', `http://127.0.0.1:${port}`], {
      env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1' },
      detached: true, // its own process group (setsid), so stop() reaches its workers too
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const stop = () => {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    };
    const base = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        const r = await fetch(`${base}${name}/`);
        await r.arrayBuffer();
        if (r.status === 200) return { base, inbox: `${base}${name}/`, stop, pid: child.pid };
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 150));
    }
    stop();
    if (!/Address already in use/i.test(stderr)) throw new Error(`public-inbox-httpd did not start: ${stderr.trim()}`);
  }
  throw new Error('public-inbox-httpd: no free port after 3 tries');
}
