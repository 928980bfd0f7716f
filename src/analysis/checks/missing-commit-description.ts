import { patchCheck } from './check.js';
import { commitMessageLines } from './commit-message.js';
import { readTrailerBlock } from './trailer-lines.js';

/** checkpatch: "Missing commit description - Add an appropriate one" when only trailers precede the `---`. */
export const missingCommitDescription = patchCheck({
  id: 'missing-commit-description',
  severity: 'warning',
  checkpatchType: 'COMMIT_MESSAGE',
  description: 'the commit message has no text besides its trailers',
  run(patch) {
    const lines = commitMessageLines(patch);
    const block = readTrailerBlock(lines);
    const prose = lines.slice(0, block.start).filter((l) => l.text.trim() !== '');
    if (prose.length > 0) return [];
    return [{ message: 'Missing commit description - add one that says what changes and why' }];
  },
});
