import { ClaimId } from './claim-id';
import {
  BackendData,
  DEFAULT_ACCESS_POLICY_NAME,
  DEFAULT_MAX_API_CAPACITY,
  DEFAULT_PARALLEL_JOBS,
  DEFAULT_VERIFIED_POLICIES,
  AuthorizationServerData,
  EnvironmentData,
  EnvironmentsFileData,
} from './environments-file';
import { Given, givenOr } from './given';

/** Scopes the OAuth 2.0 service app needs for what this repo manages. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = [
  'okta.apps.manage',
  'okta.groups.read',
  'okta.authorizationServers.manage',
  'okta.policies.read',
];
/** The okta provider's own retry defaults (its documentation): stated in Terraform only when given, compared by the rules. */
export const DEFAULT_MIN_WAIT_SECONDS = 30;
export const DEFAULT_MAX_WAIT_SECONDS = 300;
export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_REQUEST_TIMEOUT = 0;
/** The managed access policy's priority when the environments file names none: evaluated first. */
export const DEFAULT_ACCESS_POLICY_PRIORITY = 1;

/** `stacks/environments.json` with every default applied, built once after its schema check; its rules read it too. */
export interface EnvironmentsModel {
  /** The shard of an app without "shard": its first owner's team, or the one shard "apps". */
  readonly shardBy: 'owner' | 'single';
  /** By name, in apply order (dev before prod). */
  readonly environments: ReadonlyMap<string, EnvironmentModel>;
}

/** One Okta org. */
export interface EnvironmentModel {
  readonly name: string;
  readonly orgName: string;
  readonly baseUrl: string;
  readonly auth: { readonly method: 'api_token' } | { readonly method: 'oauth'; readonly scopes: readonly string[] };
  /** The custom servers allow-list files may name, in the file's order. */
  readonly servers: ReadonlyMap<string, AuthorizationServerModel>;
  readonly rateLimits: RateLimitsModel;
  readonly backend: { readonly type: BackendData['type']; readonly config: Readonly<Record<string, unknown>> };
}

/**
 * How apps that ask a custom server for claims get tokens from it: Okta evaluates the server's
 * access policies before any claim. `unchecked`: the environments file says nothing.
 */
export type AccessMode = 'managed' | 'verified' | 'unchecked';

export interface AuthorizationServerModel {
  /** The name allow-list files use for it. */
  readonly name: string;
  /** How stacks find it: by its ID, or by its name in Okta (one API call per plan). */
  readonly reference: { readonly by: 'id'; readonly id: string } | { readonly by: 'name'; readonly lookupName: string };
  readonly manageGroupsScope: boolean;
  /** Scopes the server has without being managed here. */
  readonly existingScopes: readonly string[];
  readonly dedicatedToManagedApps: boolean;
  readonly access: ServerAccessModel;
  /** Shared claims the server may lose. */
  readonly removedClaims: readonly ClaimId[];
}

export interface ServerAccessModel {
  readonly mode: AccessMode;
  /** Managed: the access policy this repository owns on the server. */
  readonly policyName: string;
  /** Managed: its priority. */
  readonly priority: number;
  /** Verified: the policies that may admit the apps. */
  readonly checkPolicies: readonly string[];
}

export interface RateLimitsModel {
  /** Percent of each Okta rate-limit bucket the provider may use. */
  readonly maxApiCapacity: number;
  /** Most stacks of the environment planned or applied at once. */
  readonly parallelJobs: number;
  readonly backoff: boolean;
  /** The provider's own defaults: written to Terraform only when given. */
  readonly minWaitSeconds: Given<number>;
  readonly maxWaitSeconds: Given<number>;
  readonly maxRetries: Given<number>;
  readonly requestTimeout: Given<number>;
}

/** The schema-valid environments file with every default applied. */
export function environmentsModelOf(file: EnvironmentsFileData): EnvironmentsModel {
  return {
    shardBy: file.shardBy ?? 'owner',
    environments: new Map(Object.entries(file.environments).map(([name, data]) => [name, environmentOf(name, data)])),
  };
}

/** One environment of the file with its defaults applied. */
export function environmentOf(name: string, data: EnvironmentData): EnvironmentModel {
  const limits = data.rateLimits ?? {};
  const limitPath = (setting: string) => ['environments', name, 'rateLimits', setting];
  return {
    name,
    orgName: data.orgName,
    baseUrl: data.baseUrl,
    auth: data.auth.method === 'oauth' ? { method: 'oauth', scopes: data.auth.scopes ?? DEFAULT_OAUTH_SCOPES } : { method: 'api_token' },
    servers: new Map(
      Object.entries(data.authorizationServers ?? {}).map(([server, settings]) => [server, authorizationServerOf(server, settings)]),
    ),
    rateLimits: {
      maxApiCapacity: limits.maxApiCapacity ?? DEFAULT_MAX_API_CAPACITY,
      parallelJobs: limits.parallelJobs ?? DEFAULT_PARALLEL_JOBS,
      backoff: limits.backoff ?? true,
      minWaitSeconds: givenOr(limits.minWaitSeconds, DEFAULT_MIN_WAIT_SECONDS, limitPath('minWaitSeconds')),
      maxWaitSeconds: givenOr(limits.maxWaitSeconds, DEFAULT_MAX_WAIT_SECONDS, limitPath('maxWaitSeconds')),
      maxRetries: givenOr(limits.maxRetries, DEFAULT_MAX_RETRIES, limitPath('maxRetries')),
      requestTimeout: givenOr(limits.requestTimeout, DEFAULT_REQUEST_TIMEOUT, limitPath('requestTimeout')),
    },
    backend: { type: data.backend.type, config: data.backend.config ?? {} },
  };
}

/** A server declares exactly one of "id" and "lookupName" (rule servers-have-one-reference). */
export function authorizationServerOf(name: string, settings: AuthorizationServerData): AuthorizationServerModel {
  const access = settings.access;
  return {
    name,
    reference: settings.id !== undefined ? { by: 'id', id: settings.id } : { by: 'name', lookupName: settings.lookupName ?? name },
    manageGroupsScope: settings.manageGroupsScope ?? false,
    existingScopes: settings.existingScopes ?? [],
    dedicatedToManagedApps: settings.dedicatedToManagedApps ?? false,
    access: {
      mode: access?.mode ?? 'unchecked',
      policyName: access?.policyName ?? DEFAULT_ACCESS_POLICY_NAME,
      priority: access?.priority ?? DEFAULT_ACCESS_POLICY_PRIORITY,
      checkPolicies: access?.checkPolicies ?? DEFAULT_VERIFIED_POLICIES,
    },
    removedClaims: (settings.removedClaims ?? []).map((claim) => ({ server: name, token: claim.token, name: claim.name })),
  };
}
