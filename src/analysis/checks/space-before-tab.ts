import { addedLineCheck } from './line-checks.js';

/** A space before a tab is invisible and changes nothing but the diff noise (git's whitespace=space-before-tab). */
export const spaceBeforeTab = addedLineCheck({
  id: 'space-before-tab',
  severity: 'warning',
  description: 'an added source line has a space followed by a tab',
  files: /\.(?:h|c|pl|dtsi|dts)$/,
  problem: (text) => (text.includes(' \t') ? 'please, no space before tabs' : null),
});
