import { Static, Type } from '@sinclair/typebox';
import { EnvironmentName, ScopeName } from './allowlist-file';
import { KeyedRecord } from './keyed-record';

/**
 * The shape of `stacks/environments.json`: one entry per Okta org, in apply order.
 * No field holds a secret: credentials come from the provider's environment variables.
 */

const strict = { additionalProperties: false } as const;

/** The access policy a managed server gets when the environments file names none. */
export const DEFAULT_ACCESS_POLICY_NAME = 'Allow-listed apps';
/** The policies a verified server is checked against when the environments file names none. */
export const DEFAULT_VERIFIED_POLICIES = ['Default Policy'];

export const ServerAccess = Type.Object(
  {
    mode: Type.Union([Type.Literal('managed'), Type.Literal('verified')], {
      description:
        '"managed": this repository owns one access policy on the server admitting exactly the apps that ask for claims there, with one rule; "verified": every plan checks that one of "checkPolicies" admits each such app.',
    }),
    policyName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        description: 'Managed only: the name of the owned access policy. @default "Allow-listed apps"',
      }),
    ),
    priority: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100,
        description: "Managed only: the owned policy's priority (1 is evaluated first). @default 1",
      }),
    ),
    checkPolicies: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 255 }), {
        minItems: 1,
        uniqueItems: true,
        description: 'Verified only: the access policies (by name) that may admit the apps. @default ["Default Policy"]',
      }),
    ),
  },
  { additionalProperties: false, description: 'How apps that ask this server for claims get tokens from it.' },
);

export const AuthorizationServer = Type.Object(
  {
    id: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9]{1,64}$',
        errorMessage: 'an authorization server ID such as "default" or "aus…" (letters and digits)',
        description: 'The server ID (aus…, or "default").',
      }),
    ),
    lookupName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 255,
        description: 'Find the server by its name in Okta instead of by ID (one API call per plan).',
      }),
    ),
    manageGroupsScope: Type.Optional(
      Type.Boolean({ description: 'Create the "groups" scope on this server (metadata published). @default false' }),
    ),
    existingScopes: Type.Optional(
      Type.Array(ScopeName, {
        minItems: 1,
        uniqueItems: true,
        description:
          'Scopes that exist on this server without being managed here (created in the console or by another project) and that claims may name in "scopes"; every plan checks that the server has them.',
      }),
    ),
    dedicatedToManagedApps: Type.Optional(
      Type.Boolean({
        description:
          'Only apps managed by this repository ask this server for tokens. A shared claim without "scopes" is then evaluated for every token request; otherwise it is restricted to the "groups" scope, so that an app this repository does not manage never evaluates it unless it asks for that scope. @default false',
      }),
    ),
    access: Type.Optional(ServerAccess),
    removedClaims: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1 }),
            token: Type.Union([Type.Literal('id'), Type.Literal('access')]),
          },
          { additionalProperties: false },
        ),
        {
          minItems: 1,
          description:
            'Shared claims this server may lose: a claim no file asks for any more is deleted only when listed here, because apps this repo does not manage may rely on it. Remove the entry after the apply.',
        },
      ),
    ),
  },
  { ...strict, description: 'Exactly one of "id" or "lookupName".' },
);

export const Auth = Type.Object(
  {
    method: Type.Union([Type.Literal('oauth'), Type.Literal('api_token')], {
      description:
        '"oauth": an OAuth 2.0 service app (OKTA_API_CLIENT_ID, OKTA_API_PRIVATE_KEY, OKTA_API_PRIVATE_KEY_ID); "api_token": OKTA_API_TOKEN. Org-server claims need "api_token".',
    }),
    scopes: Type.Optional(
      Type.Array(
        Type.String({ pattern: '^okta\\.[A-Za-z]+\\.(read|manage)$', errorMessage: 'an Okta API scope such as "okta.apps.manage"' }),
        {
          minItems: 1,
          uniqueItems: true,
          description: 'OAuth scopes granted to the service app. @default the scopes this project needs',
        },
      ),
    ),
  },
  strict,
);

/** The share of each Okta rate-limit bucket an environment uses when no setting says otherwise. */
export const DEFAULT_MAX_API_CAPACITY = 50;
/** Stacks of one environment planned or applied at once when no setting says otherwise. */
export const DEFAULT_PARALLEL_JOBS = 4;

export const RateLimits = Type.Object(
  {
    maxApiCapacity: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Percent of each Okta rate-limit bucket the provider may use. @default 50' }),
    ),
    backoff: Type.Optional(Type.Boolean({ description: 'Retry with exponential back-off on HTTP 429. @default true' })),
    minWaitSeconds: Type.Optional(Type.Integer({ minimum: 1, description: '@default 30' })),
    maxWaitSeconds: Type.Optional(Type.Integer({ minimum: 1, description: '@default 300' })),
    maxRetries: Type.Optional(Type.Integer({ minimum: 0, maximum: 100, description: '@default 5' })),
    requestTimeout: Type.Optional(Type.Integer({ minimum: 0, maximum: 300, description: 'Seconds; 0 means none. @default 0' })),
    parallelJobs: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 20,
        description: 'Most stacks of this environment planned or applied at once; maxApiCapacity is shared out between them. @default 4',
      }),
    ),
  },
  strict,
);

export const BACKEND_TYPES = ['local', 's3', 'gcs', 'azurerm', 'remote', 'cloud', 'pg'] as const;

export const Backend = Type.Object(
  {
    type: Type.Union(
      BACKEND_TYPES.map((t) => Type.Literal(t)),
      { description: 'Terraform state backend.' },
    ),
    config: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Backend settings in cdktf form (camelCase), e.g. {"bucket": …, "key": "okta/{stack}.tfstate", "region": …, "useLockfile": true} for s3. "{stack}" is replaced by each stack\'s name, so every shard has its own state. Never credentials.',
      }),
    ),
  },
  strict,
);

export const Environment = Type.Object(
  {
    orgName: Type.String({
      pattern: '^[a-z0-9][a-z0-9-]*$',
      errorMessage: 'the org subdomain, e.g. "acme" for acme.okta.com',
      description: 'The Okta org subdomain, e.g. "acme" for acme.okta.com.',
    }),
    baseUrl: Type.String({
      pattern: '^[a-z0-9.-]+\\.[a-z]+$',
      errorMessage: 'an Okta domain such as "okta.com" or "oktapreview.com"',
      description: 'The Okta domain: okta.com, oktapreview.com, okta-emea.com, …',
    }),
    auth: Auth,
    authorizationServers: Type.Optional(
      KeyedRecord(
        Type.String({
          pattern: '^[A-Za-z][A-Za-z0-9-]*$',
          errorMessage: 'a server name of letters, digits and "-", starting with a letter',
        }),
        AuthorizationServer,
        {
          description: 'Custom authorization servers that allow-list files may name in "claims[].server".',
        },
      ),
    ),
    rateLimits: Type.Optional(RateLimits),
    backend: Backend,
  },
  strict,
);

export const EnvironmentsFile = Type.Object(
  {
    $schema: Type.Optional(Type.String()),
    shardBy: Type.Optional(
      Type.Union([Type.Literal('owner'), Type.Literal('single')], {
        description:
          'Default shard of an app without "shard": its first owner\'s team ("owner"), or one shard "apps" for all ("single"). @default "owner"',
      }),
    ),
    environments: KeyedRecord(EnvironmentName, Environment, {
      description: 'Okta orgs by environment name, listed in apply order (dev before prod).',
      minProperties: 1,
    }),
  },
  { ...strict, title: 'Okta environments' },
);

export type EnvironmentsFileData = Static<typeof EnvironmentsFile>;
export type EnvironmentData = Static<typeof Environment>;
export type AuthorizationServerData = Static<typeof AuthorizationServer>;
export type ServerAccessData = Static<typeof ServerAccess>;
export type BackendData = Static<typeof Backend>;
