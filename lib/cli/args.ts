import { parseArgs } from 'node:util';
import { DEFAULT_POLICY_FILE, ProjectSources } from '../load/load-project';

/**
 * `--dir <allowlists folder>`, `--config <environments file>` and `--policy <policy file>`, shared
 * by every command. In the repository's own layout (no --dir) the policy file is required, so
 * deleting policy.json fails the check instead of silently switching the guardrails off.
 */
export function parseSourceArgs(argv: readonly string[], extra: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {}): ProjectSources & { values: Record<string, unknown> } {
  const { values } = parseArgs({
    args: [...argv],
    options: { dir: { type: 'string' }, config: { type: 'string' }, policy: { type: 'string' }, ...extra },
    strict: true,
  });
  return {
    allowlistsDir: values.dir as string | undefined,
    environmentsFile: values.config as string | undefined,
    policyFile: (values.policy as string | undefined) ?? (values.dir === undefined ? DEFAULT_POLICY_FILE : undefined),
    values,
  };
}
