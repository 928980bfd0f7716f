/** The one door from mail text to the terminal; the report and TUI sub-stages have their own index.ts. */
export { sanitizeForTerminal } from './sanitize.js';
export { wrap } from './report/blocks.js';
