import { join, relative } from 'node:path';
import { loadValidProject } from '../cli/load';
import { DEFAULT_ALLOWLISTS_DIR, DEFAULT_ENVIRONMENTS_FILE, DEFAULT_POLICY_FILE } from '../load/load-project';
import { CODEOWNERS_CONFIG_FILE, CODEOWNERS_FILE, loadCodeownersConfig, renderCodeowners } from '../pipeline/codeowners';
import { GeneratedFile } from './generated-file';

/**
 * `.github/CODEOWNERS` of the repository at `root`, from its allow-list files' owners and the
 * fallback owners. Policy warnings are `validate`'s to print: CODEOWNERS does not depend on them.
 */
export function codeownersFile(root: string): GeneratedFile {
  const project = loadValidProject(
    {
      allowlistsDir: join(root, DEFAULT_ALLOWLISTS_DIR),
      environmentsFile: join(root, DEFAULT_ENVIRONMENTS_FILE),
      policyFile: join(root, DEFAULT_POLICY_FILE),
    },
    () => undefined,
  );
  // Paths in CODEOWNERS are from the repository root, wherever the command runs.
  const apps = project.apps.map((app) => ({ file: relative(root, app.file), owners: app.owners }));
  return { path: CODEOWNERS_FILE, content: renderCodeowners(apps, loadCodeownersConfig(join(root, CODEOWNERS_CONFIG_FILE))) };
}
