/** Test support: run the checks over literal mails and look at what one check found. */
import type { Finding } from '../findings.js';
import { runChecks } from './run-checks.js';
import type { CheckId } from './registry.js';
import { seriesFromMails, type TestMail } from './test-series.test-util.js';

export async function findingsOf(mails: TestMail[], only?: CheckId[]): Promise<Finding[]> {
  return runChecks(await seriesFromMails(mails), only ? { only } : {});
}

/** The findings of one check only (the run is limited to it). */
export async function hitsOf(id: CheckId, mails: TestMail[]): Promise<Finding[]> {
  return (await findingsOf(mails, [id])).filter((f) => f.id === id);
}
