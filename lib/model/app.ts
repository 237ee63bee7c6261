import { AllowlistFileData, AssignmentsData, ClaimData, RetireModeData, SuppressionData } from './allowlist-file';
import { Source, sourceOf } from './given';
import { EnvironmentsModel } from './environment';
import { JsonDocument, JsonPath } from '../load/json-document';
import { ClaimId, claimIdOf } from './claim-id';
import { shardOf } from './shards';

/** Okta's limit on how many groups one Groups claim function may return. */
export const MAX_CLAIM_LIMIT = 100;

export type DynamicMatch = 'startsWith' | 'endsWith' | 'contains';
export const DYNAMIC_MATCHES: readonly DynamicMatch[] = ['startsWith', 'endsWith', 'contains'];

export type AllowlistSpec =
  | { readonly kind: 'static'; readonly groups: readonly string[] }
  | { readonly kind: 'dynamic'; readonly match: DynamicMatch; readonly pattern: string; readonly source: string };

/** A claim request from one file, with every default applied. */
export interface ClaimSpec extends ClaimId {
  readonly value: 'name' | 'id';
  readonly limit: number;
  readonly scopes?: readonly string[];
  readonly alwaysIncludeInToken: boolean;
  /** Where the claim is in its file, for messages. */
  readonly path: JsonPath;
  /** Whether the file gives each optional setting (a default or nothing otherwise), and where. */
  readonly sources: Readonly<Record<'name' | 'token' | 'limit' | 'scopes' | 'alwaysIncludeInToken', Source>>;
}

/** One app, as its allow-list file describes it, with defaults applied. */
export interface AppModel {
  readonly key: string;
  readonly file: string;
  readonly document: JsonDocument;
  readonly owners: readonly string[];
  readonly environments: readonly string[];
  readonly label: string;
  readonly type: 'web' | 'native' | 'browser' | 'service';
  readonly redirectUris: readonly string[];
  readonly postLogoutRedirectUris: readonly string[];
  readonly grantTypes: readonly string[];
  readonly importIds: Readonly<Record<string, string>>;
  /** Security and dashboard settings, defaults applied; always written to Terraform. */
  readonly settings: AppSecuritySettings;
  readonly allowlist: AllowlistSpec;
  readonly claims: readonly ClaimSpec[];
  readonly previousKeys: readonly string[];
  /** The shard (Terraform state) holding the app in every environment. */
  readonly shard: string;
  /** The shard the app moves from, when it is being moved. */
  readonly previousShard?: string;
  readonly retire: Readonly<Record<string, RetireModeData>>;
  /** Who may sign in; undefined when the app's assignments are left to the Okta console. */
  readonly assignments?: AssignmentsSpec;
  /** Policy rules the file is exempt from, with its reasons. */
  readonly suppressions: readonly SuppressionData[];
  /** Whether the file gives the settings rules report on, and where. */
  readonly sources: {
    /** Left out, the app is in every environment. */
    readonly environments: Source;
    /** Left out, the shard is derived from the first owner (or is the single shard). */
    readonly shard: Source;
    readonly refreshToken: Source;
  };
}

/** The file's "assignments": exactly one of its two forms (the rule `assignments-are-valid`). */
export interface AssignmentsSpec {
  /** The groups the file lists (exact names or IDs). */
  readonly groups?: readonly string[];
  /** Whether it assigns the groups of the static allow list. */
  readonly fromAllowlist: boolean;
  /** The groups assigned: those listed, or the allow list's; undefined when no form applies. */
  readonly assigned?: readonly string[];
}

export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'client_secret_jwt' | 'private_key_jwt' | 'none';

/**
 * The okta_app_oauth attributes the project always states, so that neither a provider default
 * nor an adopted app's own value changes silently (docs/okta-semantics.md).
 */
export interface AppSecuritySettings {
  readonly pkceRequired: boolean;
  readonly tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** Stated only when the file gives it; otherwise an adopted app keeps its own keys. */
  readonly jwksUri?: string;
  readonly consentMethod: 'TRUSTED' | 'REQUIRED';
  readonly issuerMode: 'ORG_URL' | 'CUSTOM_URL' | 'DYNAMIC';
  /** Only with the refresh_token grant: the provider sends these only then. */
  readonly refreshToken?: { readonly rotation: 'STATIC' | 'ROTATE'; readonly leewaySeconds: number };
  readonly hideWeb: boolean;
  readonly hideIos: boolean;
}

/** The file's settings with the project's defaults (README, "The allow-list file"). */
export function appSettingsOf(app: AllowlistFileData['app']): AppSecuritySettings {
  return {
    pkceRequired: app.pkceRequired ?? true,
    tokenEndpointAuthMethod: app.tokenEndpointAuthMethod ?? (app.type === 'web' || app.type === 'service' ? 'client_secret_basic' : 'none'),
    jwksUri: app.jwksUri,
    consentMethod: app.consentMethod ?? 'TRUSTED',
    issuerMode: app.issuerMode ?? 'ORG_URL',
    refreshToken: app.grantTypes.includes('refresh_token')
      ? { rotation: app.refreshToken?.rotation ?? 'STATIC', leewaySeconds: app.refreshToken?.leewaySeconds ?? 0 }
      : undefined,
    hideWeb: app.hideWeb ?? true,
    hideIos: app.hideIos ?? true,
  };
}

/** An allow-list file that passed the schema, before the rules have looked at it. */
export interface CheckedFile {
  readonly key: string;
  readonly document: JsonDocument;
  readonly data: AllowlistFileData;
}

export function allowlistOf(data: AllowlistFileData): AllowlistSpec {
  const { groups, source } = data.allowlist;
  if (groups) return { kind: 'static', groups };
  const match = DYNAMIC_MATCHES.find((m) => data.allowlist[m] !== undefined);
  if (!match) throw new Error('allowlist has neither groups nor a pattern; the rules should have rejected it');
  return { kind: 'dynamic', match, pattern: data.allowlist[match] as string, source: source ?? 'OKTA' };
}

/** The limit that can never make Okta refuse a token for a static list: its size. */
export function defaultLimit(allowlist: AllowlistSpec): number {
  return allowlist.kind === 'static' ? Math.max(1, allowlist.groups.length) : MAX_CLAIM_LIMIT;
}

export function claimOf(claim: ClaimData, index: number, allowlist: AllowlistSpec): ClaimSpec {
  const { server, name, token } = claimIdOf(claim);
  const path = ['claims', index];
  const source = (field: keyof ClaimSpec['sources']) => sourceOf(claim[field], [...path, field]);
  return {
    server,
    name,
    token,
    value: claim.value ?? 'name',
    limit: claim.limit ?? defaultLimit(allowlist),
    scopes: claim.scopes,
    // Okta always puts access-token claims in the token; the rule access-claims-are-always-included refuses false there.
    alwaysIncludeInToken: claim.alwaysIncludeInToken ?? true,
    path,
    sources: {
      name: source('name'),
      token: source('token'),
      limit: source('limit'),
      scopes: source('scopes'),
      alwaysIncludeInToken: source('alwaysIncludeInToken'),
    },
  };
}

export function appModelOf(file: CheckedFile, environments: EnvironmentsModel): AppModel {
  const { data } = file;
  const allowlist = allowlistOf(data);
  return {
    key: file.key,
    file: file.document.file,
    document: file.document,
    owners: data.owners,
    environments: data.environments ?? [...environments.environments.keys()],
    label: data.app.label,
    type: data.app.type,
    redirectUris: data.app.redirectUris ?? [],
    postLogoutRedirectUris: data.app.postLogoutRedirectUris ?? [],
    grantTypes: data.app.grantTypes,
    importIds: data.app.importIds ?? {},
    settings: appSettingsOf(data.app),
    allowlist,
    claims: data.claims.map((c, i) => claimOf(c, i, allowlist)),
    previousKeys: data.previousKeys ?? [],
    shard: shardOf({ owners: data.owners, shard: data.shard }, environments.shardBy),
    previousShard: data.previousShard,
    retire: data.retire ?? {},
    assignments: data.assignments && assignmentsOf(data.assignments, allowlist),
    suppressions: data.suppressions ?? [],
    sources: {
      environments: sourceOf(data.environments, ['environments']),
      shard: sourceOf(data.shard, data.shard === undefined ? ['owners', 0] : ['shard']),
      refreshToken: sourceOf(data.app.refreshToken, ['app', 'refreshToken']),
    },
  };
}

/**
 * Who may sign in, as the file's "assignments" asks. A file that gives both or neither forms,
 * or `fromAllowlist` with a dynamic list, is refused by the rule `assignments-are-valid`.
 */
function assignmentsOf(assignments: AssignmentsData, allowlist: AllowlistSpec): AssignmentsSpec {
  const fromAllowlist = assignments.fromAllowlist === true;
  const assigned = assignments.groups ?? (fromAllowlist && allowlist.kind === 'static' ? allowlist.groups : undefined);
  return { groups: assignments.groups, fromAllowlist, assigned };
}
