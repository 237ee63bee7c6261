/** Public option and data types of the Okta management API emulator. */

/** Any JSON value; Okta objects are stored and answered as plain JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Rate-limit buckets, named after Okta's management endpoint families. */
export type RateLimitFamily = 'apps' | 'app' | 'groups' | 'group' | 'authorizationServers' | 'other';

/** Per-family request limits within one window (Okta counts per minute). */
export interface RateLimitOptions {
  /** Window length in milliseconds; default 60 000. */
  windowMs?: number;
  /** Limits per family; families left out keep Okta's Workforce defaults. */
  limits?: Partial<Record<RateLimitFamily, number>>;
}

/** One injected failure or delay. */
export interface FaultRule {
  /** HTTP method to match (any when left out). */
  method?: string;
  /** Regular expression matched against the request path (without query). */
  path: string | RegExp;
  /** Status to answer (5xx or 429); leave out to inject latency only. */
  status?: number;
  /** How many matching requests fire the fault; unlimited when left out. */
  count?: number;
  /** Chance (0–1) that a matching request fires the fault; default 1. */
  probability?: number;
  /** Seed of this rule's random generator so probabilistic runs repeat; default 1. */
  seed?: number;
  /** Delay before answering, in milliseconds. */
  latencyMs?: number;
  /** Apply the request's effect first, then answer the error (a lost response). */
  afterApply?: boolean;
}

/** One served request, including refused and faulted ones. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
  ms: number;
  family: RateLimitFamily;
}

/** A group to create at start. */
export interface SeedGroup {
  id?: string;
  name: string;
  description?: string;
  /** OKTA_GROUP (default), APP_GROUP or BUILT_IN. */
  type?: 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';
}

/** A claim on a seeded authorization server, in Okta's API shape. */
export interface SeedClaim {
  id?: string;
  name: string;
  claimType: 'RESOURCE' | 'IDENTITY';
  valueType?: 'EXPRESSION' | 'GROUPS' | 'SYSTEM';
  value: string;
  group_filter_type?: string;
  alwaysIncludeInToken?: boolean;
  status?: 'ACTIVE' | 'INACTIVE';
  conditions?: { scopes?: string[] };
}

/** A scope on a seeded authorization server. */
export interface SeedScope {
  id?: string;
  name: string;
  description?: string;
  displayName?: string;
  metadataPublish?: 'ALL_CLIENTS' | 'NO_CLIENTS';
  consent?: 'REQUIRED' | 'IMPLICIT' | 'FLEXIBLE';
  default?: boolean;
  system?: boolean;
}

/** An access policy (with rules) on a seeded authorization server, in Okta's API shape. */
export interface SeedPolicy {
  id?: string;
  name: string;
  description?: string;
  priority?: number;
  status?: 'ACTIVE' | 'INACTIVE';
  conditions?: JsonObject;
  rules?: JsonObject[];
}

/** A custom authorization server. The "default" server is always present unless seeded explicitly. */
export interface SeedAuthServer {
  id?: string;
  name: string;
  description?: string;
  audiences?: string[];
  /** Scopes added to the standard OIDC scopes the server starts with. */
  scopes?: SeedScope[];
  claims?: SeedClaim[];
  policies?: SeedPolicy[];
}

/** An existing OIDC app (not created by Terraform). */
export interface SeedApp {
  id?: string;
  label: string;
  /** web (default), native, browser or service. */
  type?: string;
  status?: 'ACTIVE' | 'INACTIVE';
  profile?: JsonObject;
  redirectUris?: string[];
  grantTypes?: string[];
  /** The org-server groups claim stored through the internal idToken endpoint. */
  groupsClaim?: { name: string; value: string; valueType: 'EXPRESSION' | 'GROUPS'; groupFilterType?: string };
  /** IDs of groups assigned to the app. */
  groupIds?: string[];
  /** More `settings.oauthClient` fields in Okta's API shape (consent_method, refresh_token, …), over the ones above. */
  oauthClient?: JsonObject;
  /** `credentials.oauthClient` fields in Okta's API shape (token_endpoint_auth_method, pkce_required, …). */
  credentials?: JsonObject;
  /** `visibility.hide`; default: hidden on both, as apps the provider creates. */
  hide?: { iOS: boolean; web: boolean };
}

/** A user; the API token belongs to the first one (GET /api/v1/users/me). */
export interface SeedUser {
  id?: string;
  login: string;
  firstName?: string;
  lastName?: string;
}

/** Everything the org holds at start. */
export interface EmulatorSeed {
  groups?: SeedGroup[];
  authServers?: SeedAuthServer[];
  apps?: SeedApp[];
  users?: SeedUser[];
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** Org host, e.g. "acme.okta.com" (org_name + "." + base_url); one emulator is one org. */
  orgHost: string;
  /** Every API request must carry "Authorization: SSWS <apiToken>". */
  apiToken: string;
  seed?: EmulatorSeed;
  /** Identity Engine org (default true): well-known pipeline "idx" and app access policies. */
  identityEngine?: boolean;
  /** Per-family limits; false turns rate limiting off. Default: Okta Workforce limits per minute. */
  rateLimits?: RateLimitOptions | false;
  faults?: FaultRule[];
  strict?: { claimScopesMustExist?: boolean };
  /** Port on 127.0.0.1; default 0 (any free port). */
  port?: number;
}
