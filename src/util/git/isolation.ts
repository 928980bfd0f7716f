/**
 * What keeps git from running a program while patchscope uses it. Mail is untrusted, and so is the
 * configuration of a repository someone else prepared (a reviewer runs patchscope on other people's
 * trees): every setting through which git would start a program is overridden on each invocation.
 *
 * Two places git runs in:
 * - `repository`: someone's repository, read with plumbing only (rev-parse, format-patch, cat-file,
 *   rev-list). Its config and the user's global config are read (safe.directory must keep working)
 *   but every program-running setting those commands could reach is overridden below.
 * - `scratch`: a repository patchscope created in a temporary folder to apply patches in. It sees no
 *   global or system config at all (GIT_CONFIG_GLOBAL=/dev/null, GIT_CONFIG_NOSYSTEM=1), borrows the
 *   base's objects read-only through objects/info/alternates, and has no remote, so nothing of the
 *   user's or the base's config (hooks, filters, fsmonitor, attributes, promisor fetches) applies.
 */

/**
 * `git -c` pairs given to every invocation, in both places. Each one closes a way to run a program:
 * - core.hooksPath=/dev/null: git looks for `/dev/null/<hook>`, which cannot exist, so no hook runs
 *   (the base's .git/hooks, a relative hooksPath such as husky's `.githooks` that a patch could fill,
 *   the user's global hooks);
 * - core.fsmonitor=false: no fsmonitor hook or daemon on index reads;
 * - protocol.allow=never: no transport at all, so a partial clone's lazy fetch of a missing blob
 *   (which would run core.sshCommand, a remote helper or a credential helper) cannot start;
 * - log.showSignature=false: format-patch never calls gpg to verify a signed commit;
 * - gc.auto=0, maintenance.auto=false: no automatic gc (nor its pre-auto-gc hook) after our commits.
 * Filter, textconv and external-diff drivers need a definition in config: the scratch repository has
 * none, and the commands run in someone's repository (format-patch --no-ext-diff --no-textconv,
 * rev-parse, rev-list, cat-file) read objects, never a work tree, so their filters are never invoked.
 * Pagers start only when git writes to a terminal; git's output here is always a pipe.
 */
export const PROGRAMS_OFF: readonly string[] = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'protocol.allow=never',
  'log.showSignature=false',
  'gc.auto=0',
  'maintenance.auto=false',
];

/**
 * Added in a scratch repository: core.attributesFile=/dev/null, because git reads the default
 * `$XDG_CONFIG_HOME/git/attributes` even without a global config, and the user's attributes must
 * neither select a driver nor change line endings under `git apply`.
 */
export const SCRATCH_ONLY: readonly string[] = ['core.attributesFile=/dev/null'];

/** The environment of git in a scratch repository: no global or system config files. */
export const SCRATCH_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

/**
 * Environment variables that make git run a program or read other config (GIT_SSH_COMMAND,
 * GIT_EXTERNAL_DIFF, GIT_PAGER, GIT_CONFIG_PARAMETERS from a parent git, GIT_DIR …): every GIT_*
 * variable plus the unprefixed ones git honours. simple-git strips the same set from ambient
 * environments; streaming spawns (public-inbox) strip it here.
 */
const UNPREFIXED_GUARDED = new Set(['editor', 'visual', 'pager', 'prefix', 'ssh_askpass']);

export function isGuardedEnvKey(key: string): boolean {
  const k = key.toLowerCase().trim();
  return k.startsWith('git_') || UNPREFIXED_GUARDED.has(k);
}

/** `env` without the guarded variables, plus `extra`. */
export function cleanEnv(env: NodeJS.ProcessEnv, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && !isGuardedEnvKey(k)) out[k] = v;
  return { ...out, ...extra };
}

/** `-c k=v` arguments for a plain spawn of git (simple-git adds them itself through `config`). */
export function configArgs(pairs: readonly string[]): string[] {
  return pairs.flatMap((p) => ['-c', p]);
}
