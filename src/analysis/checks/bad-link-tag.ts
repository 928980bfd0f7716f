import { trailerCheck } from './line-checks.js';

/** An http(s) URL with a dotted host and no blanks, optionally followed by a `# comment` as kernel commits do. */
const URL_VALUE = /^https?:\/\/[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?:[/?#]\S*)?(?:\s+#.*)?$/;

export const badLinkTag = trailerCheck({
  id: 'bad-link-tag',
  severity: 'warning',
  description: 'a Link: or Closes: value is not a well-formed http(s) URL',
  problem(t) {
    if ((t.knownKey !== 'Link' && t.knownKey !== 'Closes') || URL_VALUE.test(t.value.trim())) return null;
    return `${t.knownKey}: should be followed by a well-formed http(s) URL`;
  },
});
