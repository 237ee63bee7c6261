import { parseArgs } from 'node:util';
import { ProjectSources } from '../load/load-project';

/** `--dir <allowlists folder>`, `--config <environments file>` and `--policy <policy file>`, shared by every command. */
export function parseSourceArgs(argv: readonly string[], extra: Record<string, { type: 'string' | 'boolean' }> = {}): ProjectSources & { values: Record<string, unknown> } {
  const { values } = parseArgs({
    args: [...argv],
    options: { dir: { type: 'string' }, config: { type: 'string' }, policy: { type: 'string' }, ...extra },
    strict: true,
  });
  return {
    allowlistsDir: values.dir as string | undefined,
    environmentsFile: values.config as string | undefined,
    policyFile: values.policy as string | undefined,
    values,
  };
}
