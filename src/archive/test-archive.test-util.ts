/**
 * Small archives made with git for the archive tests: mail text, an mbox of it, and a
 * public-inbox v2 epoch (one commit per message, the message as blob `m`) built with git's
 * plumbing so that every object is loose and a test can damage one.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

export interface TestMail {
  id: string;
  subject: string;
  from?: string;
  inReplyTo?: string;
  body: string;
  /** Minutes after the test epoch start: gives each message its Date. */
  minute: number;
}

export function mailText(m: TestMail): string {
  const date = new Date(Date.UTC(2026, 3, 1, 9, m.minute)).toUTCString().replace('GMT', '+0000');
  const lines = [`From: ${m.from ?? 'Ann Author <ann@example.org>'}`, `Subject: ${m.subject}`, `Date: ${date}`, `Message-ID: <${m.id}>`];
  if (m.inReplyTo) lines.push(`In-Reply-To: <${m.inReplyTo}>`, `References: <${m.inReplyTo}>`);
  return `${lines.join('\n')}\n\n${m.body}`;
}

/** mboxrd text of messages: a `From ` separator each, `>From ` quoting, a newline after each. */
export function mboxText(mails: TestMail[]): string {
  return mails.map((m) => `From mboxrd@z Thu Jan  1 00:00:00 1970\n${mailText(m).replace(/^(>*From )/gm, '>$1')}\n`).join('');
}

/** A patch body with a diff touching `file`. */
export function patchBody(summary: string, file: string, extra = ''): string {
  return `${summary} in more words.\n${extra}\nSigned-off-by: Ann Author <ann@example.org>\n---\n ${file} | 1 +\n 1 file changed, 1 insertion(+)\n\n` +
    `diff --git a/${file} b/${file}\n--- a/${file}\n+++ b/${file}\n@@ -1,1 +1,2 @@\n int x;\n+int y;\n`;
}

const git = (gitDir: string, args: string[], input?: string): string =>
  execFileSync('git', [`--git-dir=${gitDir}`, ...args], {
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, GIT_AUTHOR_NAME: 'archiver', GIT_AUTHOR_EMAIL: 'a@example.org', GIT_COMMITTER_NAME: 'archiver', GIT_COMMITTER_EMAIL: 'a@example.org', GIT_AUTHOR_DATE: '1775000000 +0000', GIT_COMMITTER_DATE: '1775000000 +0000' },
  }).trim();

/** Create (or extend) an epoch with one commit per message; returns the commit ids in order. */
export function writeEpoch(gitDir: string, mails: TestMail[]): string[] {
  mkdirSync(gitDir, { recursive: true });
  if (!exists(gitDir)) execFileSync('git', ['init', '--quiet', '--bare', gitDir]);
  let parent = tryHead(gitDir);
  const commits: string[] = [];
  for (const m of mails) {
    const blob = git(gitDir, ['hash-object', '-w', '--stdin'], mailText(m));
    const tree = git(gitDir, ['mktree'], `100644 blob ${blob}\tm\n`);
    const commit = git(gitDir, ['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', m.subject]);
    parent = commit;
    commits.push(commit);
  }
  if (parent) git(gitDir, ['update-ref', 'HEAD', parent]);
  return commits;
}

function exists(gitDir: string): boolean {
  try {
    git(gitDir, ['rev-parse', '--git-dir']);
    return true;
  } catch {
    return false;
  }
}

function tryHead(gitDir: string): string | null {
  try {
    return git(gitDir, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  } catch {
    return null;
  }
}

/** The loose object file of a commit's message blob, for damaging it. */
export function blobPathOf(gitDir: string, commit: string): string {
  const blob = git(gitDir, ['rev-parse', `${commit}:m`]);
  return `${gitDir}/objects/${blob.slice(0, 2)}/${blob.slice(2)}`;
}

export function writeMbox(path: string, mails: TestMail[]): void {
  writeFileSync(path, mboxText(mails));
}
