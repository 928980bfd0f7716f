/** What every analysis (checks, apply, deps, refmodel, versions) reports in: the Finding. Each sub-stage has its own index.ts. */
export type { Severity, FindingLocation, Finding } from './findings.js';
