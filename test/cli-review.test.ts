// `patchscope review INPUT --comments FILE.json -o replies.mbox`: the issue's own JSON format on the
// bundled series; the replies thread onto the patches so that `am` (ours, and b4's) collects the
// trailers; a comment off the patch is one line naming patch, file and line (exit 2).
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadSeriesSet } from '../src/series/index.js';
import { PYTHON, received, withSmtpSink } from './support/smtp.js';

const ROOT = resolve(__dirname, '..');
const BIN = resolve(ROOT, 'bin/patchscope');
const SERIES = resolve(ROOT, 'fixtures/dmabuf-mapping-types/series.mbox');
const tmp = mkdtempSync(join(tmpdir(), 'patchscope-review-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HOME = join(tmp, 'home');
mkdirSync(HOME);
writeFileSync(join(HOME, '.gitconfig'), '[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n');

const HAS_SEND_EMAIL = spawnSync('git', ['send-email', '--help'], { stdio: 'ignore' }).status === 0;
if (!HAS_SEND_EMAIL) console.log('cli-review: git send-email check skipped, git send-email not installed (Debian git-email)');
const HAS_B4 = (() => { try { execFileSync('b4', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
if (!HAS_B4) console.log('cli-review: b4 am check skipped, b4 not installed');

/** A run with a review state directory of its own (a fresh one unless `state` is given), so runs do not add to each other's saved review. */
function run(args: string[], home = HOME, state = mkdtempSync(join(tmp, 'state-'))) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(home, '.config'), XDG_STATE_HOME: state, FORCE_COLOR: '0' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The example, on lines patch 23 shows. */
const COMMENTS = {
  comments: [{ patch: 23, file: 'drivers/iommu/iommufd/pages.c', line: 50, side: 'new', text: 'Who drops this reference when the attach fails half way?' }],
  trailers: [{ patch: 21, trailer: 'Reviewed-by: Rev Iewer <rev@example.org>' }, { patch: 0, trailer: 'Acked-by' }],
};

function writeJson(name: string, value: unknown): string {
  const p = join(tmp, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
}

describe('patchscope review', () => {
  const replies = join(tmp, 'replies.mbox');

  it('should write one reply per patch written about and the cover, and say so on stderr', () => {
    const r = run(['review', SERIES, '--comments', writeJson('c.json', COMMENTS), '-o', replies]);
    expect(r.err).toContain('3 replies to v1');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const mbox = readFileSync(replies, 'utf8');
    expect(mbox.match(/^From patchscope /gm)).toHaveLength(3);
    expect(mbox).toMatch(/^Subject: Re: \[PATCH RFC 23\/26\] /m);
    expect(mbox).toContain('\nAcked-by: Rev Iewer <rev@example.org>\n');
  });

  it('should thread the replies so that our parser and our am collect the trailers', async () => {
    const set = await loadSeriesSet([SERIES, replies]);
    const s = set.series[0]!;
    const fromReplies = (i: number) => s.patches.find((p) => p.index === i)!.trailers.filter((t) => t.origin === 'reply').map((t) => `${t.key}: ${t.value}`);
    expect(fromReplies(21)).toContain('Reviewed-by: Rev Iewer <rev@example.org>');
    expect(s.cover!.trailers.filter((t) => t.origin === 'reply').map((t) => t.value)).toContain('Rev Iewer <rev@example.org>');
    const p23 = s.patches.find((p) => p.index === 23)!;
    const ours = p23.replies.find((r) => r.author?.email === 'rev@example.org')!;
    expect(ours.parentId).toBe(p23.messageId);
    expect(ours.newText).toContain('Who drops this reference');
    const both = join(tmp, 'both.mbox');
    writeFileSync(both, readFileSync(SERIES, 'utf8') + readFileSync(replies, 'utf8'));
    const ok = run(['am', both, '-o', join(tmp, 'am.mbox')]);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/^ {2}21 \+ Reviewed-by: Rev Iewer <rev@example.org>$/m);
  });

  it.skipIf(!HAS_B4)('should be collected by b4 am: Reviewed-by on 21, the cover\'s Acked-by on every patch (-t)', () => {
    // b4 0.12 dies on the folded Subject of patches 05 and 17 (a b4 bug, see test/am.test.ts): its copy is unfolded.
    const thread = readFileSync(SERIES, 'utf8').replace(/^(Subject:.*)((?:\n[ \t].*)+)/gm, (_m, a: string, b: string) => a + b.replace(/\n[ \t]+/g, ' '));
    const all = join(tmp, 'b4-all.mbox');
    writeFileSync(all, thread + readFileSync(replies, 'utf8'));
    const out = join(tmp, 'b4-out');
    mkdirSync(out);
    execFileSync('b4', ['--offline-mode', 'am', '-t', '-m', all, '-o', out], { stdio: 'ignore', env: { ...process.env, HOME, XDG_CONFIG_HOME: HOME, GIT_CONFIG_NOSYSTEM: '1' } });
    const mbx = readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.mbx'))!), 'utf8');
    const patches = mbx.split(/^From \S+@z /m).filter((m) => m.includes('Subject:'));
    expect(patches).toHaveLength(26);
    for (const p of patches) expect(p).toContain('Acked-by: Rev Iewer <rev@example.org>');
    expect(patches.filter((p) => p.includes('Reviewed-by: Rev Iewer <rev@example.org>'))).toHaveLength(1);
    expect(patches[20]).toContain('Reviewed-by: Rev Iewer <rev@example.org>');
  }, 60_000);

  it('should refuse a comment on a line the patch does not show, naming patch, file and line, and write nothing', () => {
    const bad = { comments: [{ ...COMMENTS.comments[0], line: 120 }] };
    const out = join(tmp, 'never.mbox');
    const r = run(['review', SERIES, '--comments', writeJson('bad.json', bad), '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual([
      expect.stringMatching(/^patchscope: .*bad\.json: \$\.comments\[0\]: patch 23\/26, drivers\/iommu\/iommufd\/pages\.c: line 120 \(new side\) is not in the patch/),
    ]);
    expect(readdirSync(tmp)).not.toContain('never.mbox');
  });

  it('should refuse a malformed comments file and a reviewer without a name, one line each', () => {
    const r1 = run(['review', SERIES, '--comments', writeJson('m.json', { comments: [{ patch: 'x' }] })]);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/m\.json: \$\.comments\[0\]\.patch: expected a whole number/);
    const nobody = join(tmp, 'nobody');
    mkdirSync(nobody);
    const r2 = run(['review', SERIES, '--comments', join(tmp, 'c.json')], nobody);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/set git config user\.name and user\.email, or pass --from/);
    const none = run(['review', SERIES]);
    expect(none.err).toMatch(/nothing to write for v1 of ".*": no saved review and no --comments/);
    expect(none.code).toBe(2);
  });

  it.skipIf(!PYTHON)('--send delivers the replies to the SMTP server sendemail.smtpServer names, the bytes of -o', async () => {
    await withSmtpSink(async (port, dir) => {
      const home = join(tmp, 'home-smtp');
      mkdirSync(home);
      writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n[sendemail]\n\tsmtpServer = 127.0.0.1\n\tsmtpServerPort = ${port}\n`);
      const out = join(tmp, 'sent.mbox');
      const r = await new Promise<{ code: number | null; err: string }>((ok) => {
        const child = spawn(process.execPath, [BIN, 'review', SERIES, '--comments', join(tmp, 'c.json'), '-o', out, '--send'], { cwd: tmp, env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(home, '.config') } });
        let err = '';
        child.stderr.on('data', (d) => { err += d; });
        child.on('exit', (code) => ok({ code, err }));
      });
      expect(r.err).toContain(`sent 3 mails by SMTP 127.0.0.1:${port}`);
      expect(r.code).toBe(0);
      const messages = readFileSync(out, 'utf8').split(/^From patchscope .*\n/m).filter(Boolean).map((m) => m.replace(/\n$/, ''));
      expect(received(dir).map((g) => g.bytes.toString('utf8'))).toEqual(messages.map((m) => m.replace(/\n/g, '\r\n')));
    });
  }, 60_000);

  it('--send runs the sendmail program sendemail.smtpServer names, with the envelope as arguments and the mail on stdin', () => {
    const home = join(tmp, 'home-sendmail');
    mkdirSync(home);
    const log = join(tmp, 'sendmail-log');
    mkdirSync(log);
    const prog = join(tmp, 'fake-sendmail');
    writeFileSync(prog, `#!/bin/sh\nn=$(ls ${log} | wc -l)\nprintf '%s\\n' "$@" > ${log}/$n.args\ncat > ${log}/$n.eml\n`);
    chmodSync(prog, 0o755);
    writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n[sendemail]\n\tsmtpServer = ${prog}\n`);
    const out = join(tmp, 'sendmail.mbox');
    const r = run(['review', SERIES, '--comments', join(tmp, 'c.json'), '-o', out, '--send'], home);
    expect(r.err).toContain(`sent 3 mails by ${prog}`);
    expect(r.code).toBe(0);
    const files = readdirSync(log).sort();
    expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    const args = readFileSync(join(log, files.find((f) => f.endsWith('.args'))!), 'utf8').trim().split('\n');
    expect(args.slice(0, 3)).toEqual(['-i', '-f', 'rev@example.org']);
    expect(args).toContain('linaro-mm-sig@lists.linaro.org');
    expect(args.slice(3)).not.toContain('rev@example.org');
    const first = readFileSync(join(log, files.find((f) => f.endsWith('.eml'))!), 'utf8');
    expect(readFileSync(out, 'utf8')).toContain(first);
  });

  it('--send ignores the sendemail config of the repository it is run in: only the user chooses the program', () => {
    const home = join(tmp, 'home-sendmail');
    const repo = join(tmp, 'hostile-repo');
    mkdirSync(repo);
    execFileSync('git', ['init', '-q', repo]);
    const marker = join(tmp, 'hostile-ran');
    const evil = join(tmp, 'evil-sendmail');
    writeFileSync(evil, `#!/bin/sh\ntouch ${marker}\ncat > /dev/null\n`);
    chmodSync(evil, 0o755);
    execFileSync('git', ['-C', repo, 'config', 'sendemail.smtpServer', evil]);
    const r = spawnSync(process.execPath, [BIN, 'review', SERIES, '--comments', join(tmp, 'c.json'), '-o', join(tmp, 'r2.mbox'), '--send'], {
      cwd: repo, encoding: 'utf8', env: { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: join(home, '.config') },
    });
    expect(r.stderr).toContain('sent 3 mails by ');
    expect(r.stderr).not.toContain(evil);
    expect(readdirSync(tmp)).not.toContain('hostile-ran');
  });

  it('--from overrides git\'s identity: the From of every mail and a trailer given by key alone', () => {
    const out = join(tmp, 'from.mbox');
    const r = run(['review', SERIES, '--comments', join(tmp, 'c.json'), '-o', out, '--from', 'Zoë Other <zoe@example.net>']);
    expect(r.code).toBe(0);
    const mbox = readFileSync(out, 'utf8');
    expect(mbox.match(/^From: .*$/gm)).toEqual(Array(3).fill('From: =?UTF-8?Q?Zo=C3=AB_Other?= <zoe@example.net>'));
    expect(mbox).toContain('\nAcked-by: Zoë Other <zoe@example.net>\n');
    expect(run(['review', SERIES, '--comments', join(tmp, 'c.json'), '--from', 'nobody']).err).toMatch(/--from: "nobody" is not "Name <address>"/);
  });

  it.skipIf(!HAS_SEND_EMAIL)('--send with no smtpServer hands one file per mail to git send-email, which keeps their recipients, ids and bodies', () => {
    const home = join(tmp, 'home-send-email');
    mkdirSync(home);
    const log = join(tmp, 'send-email-log');
    mkdirSync(log);
    const prog = join(tmp, 'capture-sendmail');
    writeFileSync(prog, `#!/bin/sh\nn=$(ls ${log} | grep -c eml)\nprintf '%s\\n' "$@" > ${log}/$n.args\ncat > ${log}/$n.eml\n`);
    chmodSync(prog, 0o755);
    writeFileSync(join(home, '.gitconfig'), `[user]\n\tname = Rev Iewer\n\temail = rev@example.org\n[sendemail]\n\tsendmailCmd = ${prog}\n`);
    const out = join(tmp, 'send-email.mbox');
    const r = run(['review', SERIES, '--comments', join(tmp, 'c.json'), '-o', out, '--send'], home);
    expect(r.err).toContain('sent 3 mails by git send-email');
    const ours = readFileSync(out, 'utf8').split(/^From patchscope .*\n/m).filter(Boolean).map((m) => m.replace(/\n$/, ''));
    const sent = readdirSync(log).filter((f) => f.endsWith('.eml')).sort().map((f) => readFileSync(join(log, f), 'utf8'));
    expect(sent).toHaveLength(3);
    const header = (m: string, name: string) => new RegExp(`^${name}: (.*(?:\\n[ \\t].*)*)`, 'mi').exec(m)?.[1]?.replace(/\s+/g, ' ');
    sent.forEach((m, i) => {
      for (const name of ['Message-I[dD]', 'In-Reply-To', 'References', 'To', 'Cc', 'Subject']) expect(header(m, name), `${i} ${name}`).toBe(header(ours[i]!, name));
      expect(m.slice(m.indexOf('\n\n'))).toBe(ours[i]!.slice(ours[i]!.indexOf('\n\n')));
    });
    const args = readFileSync(join(log, '0.args'), 'utf8').trim().split('\n');
    expect(args).toContain('linaro-mm-sig@lists.linaro.org');
    expect(args).not.toContain('rev@example.org');
  });
});
