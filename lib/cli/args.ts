import { DEFAULT_ALLOWLISTS_DIR, DEFAULT_ENVIRONMENTS_FILE, DEFAULT_POLICY_FILE, ProjectSources } from '../load/load-project';

/** `--dir`, `--config` and `--policy`: every command that loads the project takes them, with the same meaning. */
export const SOURCE_OPTIONS = {
  dir: { type: 'string', value: 'folder', description: 'the allow-list files', defaultText: DEFAULT_ALLOWLISTS_DIR },
  config: { type: 'string', value: 'file', description: 'the environments file', defaultText: DEFAULT_ENVIRONMENTS_FILE },
  policy: {
    type: 'string',
    value: 'file',
    description: 'the policy file (guardrails, docs/policy.md)',
    defaultText: `${DEFAULT_POLICY_FILE}, required; with --dir, ${DEFAULT_POLICY_FILE} beside that folder, with a warning when there is none`,
  },
} as const;

/**
 * The sources the options name. In the repository's own layout (no --dir) the policy file is
 * required, so deleting policy.json fails the check instead of silently switching the guardrails
 * off; with another --dir the loader looks beside it and warns when there is none.
 */
export function projectSources(values: { readonly dir?: string; readonly config?: string; readonly policy?: string }): ProjectSources {
  return {
    allowlistsDir: values.dir,
    environmentsFile: values.config,
    policyFile: values.policy ?? (values.dir === undefined ? DEFAULT_POLICY_FILE : undefined),
  };
}
