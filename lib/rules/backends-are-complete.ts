import { BackendData } from '../model/environments-file';
import { EnvironmentsCheck, EnvironmentsRule, Finding, quoted } from './rule';

/** Settings each backend cannot work without; credentials are never among them. */
export const REQUIRED_BACKEND_SETTINGS: Readonly<Record<BackendData['type'], readonly string[]>> = {
  local: [],
  s3: ['bucket', 'key', 'region'],
  gcs: ['bucket'],
  azurerm: ['storageAccountName', 'containerName', 'key'],
  remote: ['organization', 'workspaces'],
  cloud: ['organization', 'workspaces'],
  // The connection string carries the password: it comes from PG_CONN_STR, never from this file.
  pg: ['schemaName'],
};

const SECRET_SETTINGS = /(secret|password|token|accessKey|sasToken|credentials|clientCertificate|connStr)/i;

const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { backend }] of Object.entries(environments)) {
    const path = ['environments', env, 'backend'];
    const config = backend.config ?? {};
    const missing = REQUIRED_BACKEND_SETTINGS[backend.type].filter((k) => config[k] === undefined);
    if (missing.length > 0) {
      findings.push({
        path,
        message: `backend "${backend.type}" of environment "${env}" must set ${quoted(missing)} in "config", but they are missing`,
      });
    }
    // Every other remote backend locks by itself; S3 only when told how, and an unlocked state
    // lets two applies of one stack write it at once (docs/pipeline.md, "State backend and locking").
    if (backend.type === 's3' && config.useLockfile !== true && config.dynamodbTable === undefined) {
      findings.push({
        path,
        message: `backend "s3" of environment "${env}" must lock its state with "useLockfile": true (Terraform 1.10+) or a "dynamodbTable", but it sets neither`,
      });
    }
    for (const key of Object.keys(config).filter((k) => SECRET_SETTINGS.test(k))) {
      findings.push({
        path: [...path, 'config', key],
        message: `backend.config.${key} looks like a credential: never put secrets in this file, pass them to Terraform through environment variables`,
      });
    }
  }
  return findings;
};

export const backendsAreComplete: EnvironmentsRule = {
  id: 'backends-are-complete',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Backends are complete and locked',
  explanation:
    'Every backend sets what it cannot work without, an S3 backend locks its state (`useLockfile` or a `dynamodbTable`, so two applies cannot write one state at once), and no setting holds a credential: secrets reach Terraform through environment variables.',
  check,
};
