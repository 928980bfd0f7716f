import { patchCheck } from './check.js';
import { commitMessageEnd, splitBodyLines } from './commit-message.js';
import { bodyLineHit } from './diff-lines.js';

/** What checkpatch takes for an added, moved or deleted file below the `---` (diff header, or a diffstat rename). */
const PATH_CHANGE = /^(?:new|deleted) file mode\s*\d+\s*$|^rename (?:from|to) [\w/.-]+\s*$|\{\s*[\w/.-]*\s*=>\s*[\w/.-]*\s*\}/;
/** A MAINTAINERS line in the diffstat: the patch updates it already. */
const MAINTAINERS_STAT = /^\s*MAINTAINERS\s*\|/;

/** checkpatch's FILE_PATH_CHANGES: once per patch, at the first such line, unless MAINTAINERS is in the diffstat first. */
export const filePathChanges = patchCheck({
  id: 'file-path-changes',
  severity: 'warning',
  description: 'the patch adds, moves or deletes files: does MAINTAINERS need updating?',
  run(patch) {
    const lines = splitBodyLines(patch.body);
    for (const line of lines.slice(commitMessageEnd(lines))) {
      if (MAINTAINERS_STAT.test(line.text)) return [];
      if (PATH_CHANGE.test(line.text)) return [bodyLineHit(line, 'added, moved or deleted file(s), does MAINTAINERS need updating?')];
    }
    return [];
  },
});
