import { patchCheck } from './check.js';
import { addedLineHit, addedLines, isSourceFile } from './diff-lines.js';

/** A space before a tab is invisible and changes nothing but the diff noise (git's whitespace=space-before-tab). */
export const spaceBeforeTab = patchCheck({
  id: 'space-before-tab',
  severity: 'warning',
  description: 'an added source line has a space followed by a tab',
  run(patch) {
    return addedLines(patch)
      .filter((a) => isSourceFile(a.file.path) && a.line.text.includes(' \t'))
      .map((a) => addedLineHit(a, 'please, no space before tabs'));
  },
});
