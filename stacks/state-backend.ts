import {
  AzurermBackend,
  CloudBackend,
  DataTerraformRemoteState,
  DataTerraformRemoteStateAzurerm,
  DataTerraformRemoteStateGcs,
  DataTerraformRemoteStateLocal,
  DataTerraformRemoteStatePg,
  DataTerraformRemoteStateS3,
  GcsBackend,
  LocalBackend,
  NamedCloudWorkspace,
  PgBackend,
  RemoteBackend,
  S3Backend,
  TerraformRemoteState,
  TerraformStack,
} from 'cdktf';
import { Construct } from 'constructs';
import { templateText } from '../lib/constructs/hcl';
import { EnvironmentModel } from '../lib/model/environment';

/** Reads the last-applied outputs of a stack of the same environment (itself or a sibling). */
export type StateReader = (scope: Construct, id: string, stack: string, defaults?: Record<string, unknown>) => TerraformRemoteState;

/** Written in backend settings where each stack's name goes, so every stack has its own state. */
export const STACK_PLACEHOLDER = '{stack}';

/**
 * Configures `stack`'s backend from the environments file and returns a reader of any stack's
 * state on the same backend. Settings are passed through in cdktf's (camelCase) form with
 * "{stack}" replaced; credentials never appear here.
 */
export function configureBackend(stack: TerraformStack, stackName: string, backend: EnvironmentModel['backend']): StateReader {
  // Settings are schema-checked as a record and completed by the backends-are-complete rule.
  type Settings = any; // eslint-disable-line @typescript-eslint/no-explicit-any
  const settingsOf = (name: string): Settings => withStackName(backend.config, name);
  // A backend block is read literally, but terraform_remote_state evaluates its settings as
  // templates: escaped there, both name the same state (the rules also refuse "\${" outright).
  const readerSettingsOf = (name: string): Settings => escapeTemplates(settingsOf(name));
  switch (backend.type) {
    case 'local': {
      // Relative to cdktf.out/stacks/<stack>, where Terraform runs: the states sit at the repo root.
      const local = (name: string): Settings => ({ path: `../../../terraform.${name}.tfstate`, ...settingsOf(name) });
      new LocalBackend(stack, local(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteStateLocal(scope, id, { ...escapeTemplates(local(name)), defaults });
    }
    case 's3':
      new S3Backend(stack, settingsOf(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteStateS3(scope, id, { ...readerSettingsOf(name), defaults });
    case 'gcs':
      new GcsBackend(stack, settingsOf(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteStateGcs(scope, id, { ...readerSettingsOf(name), defaults });
    case 'azurerm':
      new AzurermBackend(stack, settingsOf(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteStateAzurerm(scope, id, { ...readerSettingsOf(name), defaults });
    case 'remote':
      new RemoteBackend(stack, settingsOf(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteState(scope, id, { ...readerSettingsOf(name), defaults });
    case 'pg':
      // The connection string (with its password) comes from PG_CONN_STR, for both.
      new PgBackend(stack, settingsOf(stackName));
      return (scope, id, name, defaults) => new DataTerraformRemoteStatePg(scope, id, { ...readerSettingsOf(name), defaults });
    case 'cloud': {
      const own = settingsOf(stackName);
      new CloudBackend(stack, { ...own, workspaces: new NamedCloudWorkspace(own.workspaces?.name) });
      return (scope, id, name, defaults) => {
        const other = readerSettingsOf(name);
        return new DataTerraformRemoteState(scope, id, {
          organization: other.organization,
          hostname: other.hostname,
          workspaces: { name: other.workspaces?.name },
          defaults,
        });
      };
    }
  }
}

function escapeTemplates<T>(value: T): T {
  if (typeof value === 'string') return templateText(value) as T;
  if (Array.isArray(value)) return value.map(escapeTemplates) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeTemplates(v)])) as T;
  return value;
}

function withStackName<T>(value: T, name: string): T {
  if (typeof value === 'string') return value.split(STACK_PLACEHOLDER).join(name) as T;
  if (Array.isArray(value)) return value.map((v) => withStackName(v, name)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStackName(v, name)])) as T;
  return value;
}
