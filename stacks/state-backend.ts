import {
  AzurermBackend,
  CloudBackend,
  DataTerraformRemoteState,
  DataTerraformRemoteStateAzurerm,
  DataTerraformRemoteStateGcs,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStateS3,
  GcsBackend,
  LocalBackend,
  NamedCloudWorkspace,
  RemoteBackend,
  S3Backend,
  TerraformRemoteState,
  TerraformStack,
} from 'cdktf';
import { Construct } from 'constructs';
import { BackendData } from '../lib/model/environments-file';

/** Reads this stack's own last-applied state: how the managed-apps guard sees what exists. */
export type OwnStateReader = (scope: Construct, id: string, defaults: Record<string, unknown>) => TerraformRemoteState;

/**
 * Configures the stack's backend from the environments file and returns a reader of the same
 * state. Settings are passed through in cdktf's (camelCase) form; credentials never appear here.
 */
export function configureBackend(stack: TerraformStack, environment: string, backend: BackendData): OwnStateReader {
  // Settings are schema-checked as a record and completed by the backends-are-complete rule.
  const config = (backend.config ?? {}) as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  switch (backend.type) {
    case 'local': {
      // Relative to cdktf.out/stacks/<env>, where Terraform runs: the state sits at the repo root.
      const local = { path: `../../../terraform.${environment}.tfstate`, ...config };
      new LocalBackend(stack, local);
      return (scope, id, defaults) => new DataTerraformRemoteStateLocal(scope, id, { ...local, defaults });
    }
    case 's3':
      new S3Backend(stack, config);
      return (scope, id, defaults) => new DataTerraformRemoteStateS3(scope, id, { ...config, defaults });
    case 'gcs':
      new GcsBackend(stack, config);
      return (scope, id, defaults) => new DataTerraformRemoteStateGcs(scope, id, { ...config, defaults });
    case 'azurerm':
      new AzurermBackend(stack, config);
      return (scope, id, defaults) => new DataTerraformRemoteStateAzurerm(scope, id, { ...config, defaults });
    case 'remote':
      new RemoteBackend(stack, config);
      return (scope, id, defaults) => new DataTerraformRemoteState(scope, id, { ...config, defaults });
    case 'cloud': {
      const workspace: string = config.workspaces?.name;
      new CloudBackend(stack, { ...config, workspaces: new NamedCloudWorkspace(workspace) });
      return (scope, id, defaults) =>
        new DataTerraformRemoteState(scope, id, { organization: config.organization, hostname: config.hostname, workspaces: { name: workspace }, defaults });
    }
  }
}
