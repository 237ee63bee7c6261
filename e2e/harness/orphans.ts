import { join } from 'node:path';
import { RunningEmulator } from '../../emulator';
import { CommandResult } from '../../lib/cli/run';
import { orphansCommand } from '../../lib/orphans/command';
import { run } from './process';
import { Workspace } from './workspace';

/**
 * Runs the project's orphan check (`npm run orphans`) against the workspace's states and the
 * emulated org: states read with the real `terraform state pull`, apps listed over plain HTTP
 * through OKTA_HTTP_PROXY, as the command honours it like the provider does.
 */
export function checkOrphans(
  workspace: Workspace,
  org: RunningEmulator,
  environment = 'dev',
  extra: readonly string[] = [],
): Promise<CommandResult> {
  const terraformEnv = workspace.environmentOf(`${environment}--shared`);
  return orphansCommand(
    [
      '--env',
      environment,
      '--dir',
      workspace.allowlistsDir,
      '--config',
      workspace.environmentsFile,
      '--stacks-dir',
      join(workspace.outDir, 'stacks'),
      ...extra,
    ],
    { env: org.env('http-proxy'), terraform: (args) => run('terraform', args, { env: terraformEnv }) },
  );
}
