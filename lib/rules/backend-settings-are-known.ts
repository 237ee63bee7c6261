import { closest } from '../load/schema-problems';
import { BackendData } from '../model/environments-file';
import { EnvironmentsCheck, EnvironmentsRule, Finding, quoted } from './rule';

/** The settings cdktf 0.21 knows for each backend (its `*BackendConfig` interfaces), in its camelCase form. */
export const BACKEND_SETTINGS: Readonly<Record<BackendData['type'], readonly string[]>> = {
  local: ['path', 'workspaceDir'],
  s3: [
    'bucket',
    'key',
    'region',
    'useLockfile',
    'allowedAccountIds',
    'customCaBundle',
    'ec2MetadataServiceEndpoint',
    'ec2MetadataServiceEndpointMode',
    'forbiddenAccountIds',
    'httpProxy',
    'httpsProxy',
    'insecure',
    'noProxy',
    'retryMode',
    'sharedConfigFiles',
    'sharedCredentialsFiles',
    'endpoint',
    'encrypt',
    'acl',
    'accessKey',
    'secretKey',
    'kmsKeyId',
    'dynamodbTable',
    'profile',
    'sharedCredentialsFile',
    'token',
    'roleArn',
    'assumeRolePolicy',
    'assumeRolePolicyArns',
    'assumeRoleTags',
    'assumeRoleTransitiveTagKeys',
    'externalId',
    'sessionName',
    'workspaceKeyPrefix',
    'dynamodbEndpoint',
    'iamEndpoint',
    'stsEndpoint',
    'stsRegion',
    'forcePathStyle',
    'usePathStyle',
    'skipCredentialsValidation',
    'skipRegionValidation',
    'skipRequestingAccountId',
    'skipMetadataApiCheck',
    'skipS3Checksum',
    'sseCustomerKey',
    'maxRetries',
    'useLegacyWorkflow',
    'endpoints',
    'assumeRole',
    'assumeRoleWithWebIdentity',
  ],
  gcs: [
    'bucket',
    'credentials',
    'accessToken',
    'prefix',
    'encryptionKey',
    'impersonateServiceAccount',
    'impersonateServiceAccountDelegates',
    'kmsEncryptionKey',
    'storeageCustomEndpoint',
  ],
  azurerm: [
    'storageAccountName',
    'containerName',
    'key',
    'environment',
    'endpoint',
    'metadataHost',
    'snapshot',
    'subscriptionId',
    'tenantId',
    'msiEndpoint',
    'useMsi',
    'sasToken',
    'accessKey',
    'resourceGroupName',
    'clientId',
    'clientSecret',
    'clientCertificatePassword',
    'clientCertificatePath',
    'useMicrosoftGraph',
    'oidcRequestUrl',
    'oidcRequestToken',
    'oidcToken',
    'oidcTokenFilePath',
    'useOidc',
    'useAzureadAuth',
  ],
  remote: ['hostname', 'organization', 'token', 'workspaces'],
  cloud: ['hostname', 'organization', 'token', 'workspaces'],
  pg: ['connStr', 'schemaName', 'skipSchemaCreation', 'skipTableCreation', 'skipIndexCreation'],
};

/** A misspelt backend setting ("bukket") would be dropped or refused only at `terraform init`. */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, { backend }] of Object.entries(environments)) {
    const known = BACKEND_SETTINGS[backend.type];
    for (const name of Object.keys(backend.config ?? {}).filter((k) => !known.includes(k))) {
      const suggestion = closest(name, known);
      findings.push({
        path: ['environments', env, 'backend', 'config', name],
        message: `backend.config of a "${backend.type}" backend must use its settings, but got ${JSON.stringify(name)}: ${suggestion ? `did you mean "${suggestion}"?` : `known settings: ${quoted(known)}`}`,
      });
    }
  }
  return findings;
};

export const backendSettingsAreKnown: EnvironmentsRule = {
  id: 'backend-settings-are-known',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Backend settings are known',
  explanation:
    'A misspelt backend setting (`bukket`) would be dropped or refused only at `terraform init`; only the settings cdktf knows for the backend are accepted, with a suggestion for a near miss.',
  check,
};
