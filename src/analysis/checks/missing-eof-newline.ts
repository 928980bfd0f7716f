import { patchCheck } from './check.js';
import { addedLineHit, noNewlineAfterAdd } from './diff-lines.js';

/** POSIX text files end in a newline; an added last line without one makes the next append a noisy diff. */
export const missingEofNewline = patchCheck({
  id: 'missing-eof-newline',
  severity: 'warning',
  description: 'an added line is the last of its file and has no newline (\\ No newline at end of file)',
  run(patch) {
    return noNewlineAfterAdd(patch).map((marker) =>
      addedLineHit({ ...marker, line: marker.previous ?? marker.line }, 'adding a line without newline at end of file'),
    );
  },
});
