import { patchCheck } from './check.js';
import { commitMessageLines } from './commit-message.js';
import { bodyLineHit } from './diff-lines.js';

/** `v2: https://…`, `Bug: https://…`: a tag before a URL that is not Link: or Closes:. */
const TAG_BEFORE_URL = /^\s*(\w+:)\s*http/;
const LINK_TAG = /^(?:Link|Closes):$/i;
const VERSION = /^v(?:ersion)?\d+/i;

function taggedUrls(patch: Parameters<typeof commitMessageLines>[0], versions: boolean) {
  return commitMessageLines(patch).flatMap((line) => {
    const tag = TAG_BEFORE_URL.exec(line.text)?.[1];
    if (tag === undefined || LINK_TAG.test(tag) || VERSION.test(tag) !== versions) return [];
    const message = versions
      ? 'Patch version information should be after the --- line'
      : `Unknown link reference '${tag}', use 'Link:' or 'Closes:' instead`;
    return [bodyLineHit(line, message)];
  });
}

/** checkpatch's COMMIT_LOG_VERSIONING: `v2: https://lore…` belongs below the `---`, not in the commit. */
export const commitLogVersioning = patchCheck({
  id: 'commit-log-versioning',
  severity: 'warning',
  description: 'version history (v2: <url>) is in the commit message instead of below the --- line',
  run: (patch) => taggedUrls(patch, true),
});

/** checkpatch's COMMIT_LOG_USE_LINK: a URL given under a tag of one's own making. */
export const commitLogUseLink = patchCheck({
  id: 'commit-log-use-link',
  severity: 'warning',
  description: "a URL in the commit message is tagged with something other than 'Link:' or 'Closes:'",
  run: (patch) => taggedUrls(patch, false),
});

/** List archives checkpatch asks to replace with lore.kernel.org links. */
const OBSOLETE_ARCHIVE = /\b(?:freedesktop\.org\/archives\/dri-devel|lists\.infradead\.org|lkml\.org|mail-archive\.com|mailman\.alsa-project\.org\/pipermail|marc\.info|ozlabs\.org\/pipermail|spinics\.net)/i;

/** checkpatch's PREFER_LORE_ARCHIVE, on every line of the message and of the added code. */
export const preferLoreArchive = patchCheck({
  id: 'prefer-lore-archive',
  severity: 'warning',
  description: 'a link points at a mailing-list archive other than lore.kernel.org',
  run(patch) {
    const message = 'Use lore.kernel.org archive links when possible - see https://lore.kernel.org/lists.html';
    // checkpatch's `http.*\b<archive>`, read as "an archive after the first http" (one scan, not one per http).
    return patch.body.split('\n').flatMap((text, i) => {
      const at = text.indexOf('http');
      return at >= 0 && OBSOLETE_ARCHIVE.test(text.slice(at)) ? [bodyLineHit({ text, bodyLine: i + 1 }, message)] : [];
    });
  },
});
