import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { GitError } from '../util/errors.js';
import type { ReplyMail } from './mail.js';

/** How the mails leave the machine, from the user's `sendemail.*` git configuration. */
export type Transport =
  /** `sendemail.smtpServer` names a host: delivered by us over SMTP, the bytes exactly as in the mbox. */
  | { kind: 'smtp'; host: string; port: number; encryption: 'ssl' | 'tls' | 'none'; user: string | null; pass: string | null }
  /** `sendemail.smtpServer` is an absolute path: a sendmail-compatible program, as git send-email runs it (`-i` and the recipients). */
  | { kind: 'sendmail'; program: string }
  /** Nothing configured: `git send-email` itself, with whatever defaults it has. */
  | { kind: 'git-send-email' };

const DEFAULT_PORT = { ssl: 465, tls: 587, none: 25 } as const;

/** The transport `sendemail.smtpServer`, `smtpServerPort`, `smtpEncryption`, `smtpUser` and `smtpPass` describe. */
export async function configuredTransport(env: NodeJS.ProcessEnv = process.env): Promise<Transport> {
  // The user's and the system's config only: a repository the reviewer stands in cannot choose the program.
  const keys = ['sendemail.smtpServer', 'sendemail.smtpEncryption', 'sendemail.smtpServerPort', 'sendemail.smtpUser', 'sendemail.smtpPass'] as const;
  // git and nodemailer (with tls, net, zlib under it) load only when a review is sent: the TUI imports
  // this stage for its comments, and loading them cost its first frame ~40 ms.
  const { userConfigValues } = await import('../util/git/index.js');
  const v = await userConfigValues(keys, env);
  const server = v.get('sendemail.smtpServer') ?? null;
  if (server === null) return { kind: 'git-send-email' };
  if (isAbsolute(server)) return { kind: 'sendmail', program: server };
  const enc = v.get('sendemail.smtpEncryption')?.toLowerCase();
  const encryption = enc === 'ssl' || enc === 'tls' ? enc : 'none';
  const portText = v.get('sendemail.smtpServerPort');
  const port = portText && /^\d{1,5}$/.test(portText) ? Number(portText) : DEFAULT_PORT[encryption];
  return { kind: 'smtp', host: server, port, encryption, user: v.get('sendemail.smtpUser') ?? null, pass: v.get('sendemail.smtpPass') ?? null };
}

/** Everyone a mail goes to (the envelope): its To and Cc. */
export function envelopeOf(mail: ReplyMail): { from: string; to: string[] } {
  return { from: mail.from.email, to: [...mail.recipients.to, ...mail.recipients.cc].map((p) => p.email) };
}

function run(program: string, args: string[], input: string, env: NodeJS.ProcessEnv, cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(program, args, { env, cwd, maxBuffer: 16 * 1024 * 1024 }, (err, _out, stderr) => {
      if (err) reject(new GitError(`${program} failed: ${(stderr || err.message).trim().split('\n').slice(-1)[0]}`, [program, ...args]));
      else resolve();
    });
    child.stdin?.end(input);
  });
}

/** What was sent, one line per mail, for the reviewer. */
export interface Sent {
  transport: Transport['kind'];
  mails: number;
}

/**
 * Sends every mail, in order, by `transport`. SMTP and sendmail get each message's bytes as written;
 * git send-email gets one file per mail and is told not to add Cc's from trailers or re-thread the
 * mails (they carry their own recipients, In-Reply-To and References); it writes its own Date and
 * X-Mailer headers, as it always does.
 */
export async function sendMails(transport: Transport, mails: readonly ReplyMail[], texts: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Sent> {
  if (transport.kind === 'smtp') {
    const { createTransport } = await import('nodemailer');
    const smtp = createTransport({
      host: transport.host, port: transport.port, secure: transport.encryption === 'ssl',
      requireTLS: transport.encryption === 'tls', ignoreTLS: transport.encryption === 'none',
      auth: transport.user ? { user: transport.user, pass: transport.pass ?? '' } : undefined,
    });
    try {
      for (const [i, mail] of mails.entries()) {
        try {
          await smtp.sendMail({ envelope: envelopeOf(mail), raw: texts[i]! });
        } catch (e) {
          throw new GitError(`SMTP ${transport.host}:${transport.port} refused the reply to patch ${mail.patch} (${i} of ${mails.length} sent): ${(e as Error).message}`);
        }
      }
    } finally {
      smtp.close();
    }
  } else if (transport.kind === 'sendmail') {
    for (const [i, mail] of mails.entries()) {
      const e = envelopeOf(mail);
      await run(transport.program, ['-i', '-f', e.from, ...e.to], texts[i]!, env);
    }
  } else {
    // An empty folder that no repository encloses, for the files and as git send-email's cwd.
    const dir = mkdtempSync(join(tmpdir(), 'patchscope-send-'));
    try {
      // One file per mail, as format-patch writes them: git send-email sends a file as one message.
      // Absolute paths (never taken for options); no `--`, after which git send-email reads revisions.
      const files = texts.map((text, i) => {
        const file = join(dir, `${String(i + 1).padStart(4, '0')}-reply.eml`);
        writeFileSync(file, text);
        return file;
      });
      // The To and Cc in each file are the recipients: no Cc's added from trailers, authors or cc-cmd.
      const suppress = ['self', 'author', 'sob', 'misc-by', 'bodycc', 'cccmd'].map((s) => `--suppress-cc=${s}`);
      const args = ['send-email', '--confirm=never', ...suppress, '--no-signed-off-by-cc', '--no-thread', '--no-annotate', '--quiet', ...files];
      // git send-email needs the whole environment (its SMTP password helpers, SSH agents): only the cwd is fenced.
      const { GIT_DIR: _d, GIT_WORK_TREE: _w, ...rest } = env;
      await run('git', args, '', { ...rest, GIT_CEILING_DIRECTORIES: dirname(dir) }, dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { transport: transport.kind, mails: mails.length };
}
