import { parsePerson, type Person } from '../series/index.js';
import { UsageError } from '../util/errors.js';
import { configValue } from '../util/git/index.js';

/**
 * The reviewer's name and address: `--from "Name <addr>"` when given, else git's `user.name` and
 * `user.email` (as b4 and git send-email take them). Without either the replies cannot be signed.
 */
export async function reviewerIdentity(override: string | null, cwd = process.cwd()): Promise<Person> {
  if (override !== null) return parseReviewer(override);
  const [name, email] = [await configValue('user.name', cwd), await configValue('user.email', cwd)];
  if (!name || !email) throw new UsageError('who is reviewing? set git config user.name and user.email, or pass --from "Name <address>"');
  return { name, email };
}

/** `--from "Name <addr>"`, or a usage error saying what is wrong. */
export function parseReviewer(text: string): Person {
  const p = parsePerson(text);
  if (!p || p.name === '') throw new UsageError(`--from: "${text}" is not "Name <address>"`);
  return p;
}

export function formatPerson(p: Person): string {
  return p.name ? `${p.name} <${p.email}>` : p.email;
}
