/**
 * The light front door for commands that only print the series (`show`, `am`): the show text, safe JSON and the
 * am mbox, without the report's checks, model and renderers, which `present/report/index.ts` loads and which
 * would double these commands' start-up time.
 */
export { formatShowText, showSeriesText, showTextTail } from '../report/show-text.js';
export { stringifyJsonSafe, stringifyJsonSafeNested } from '../report/safe-json.js';
export { buildAmMbox, toAmMbox, formatAmSummary } from '../report/am-mbox.js';
export type { AmMbox, AmMboxOptions, AmPatchReport } from '../report/am-mbox.js';
export { sanitizeForTerminal } from '../sanitize.js';
