import { AllowlistFileData, ClaimData, RetireModeData } from './allowlist-file';
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
}

/** One app, as its allow-list file describes it, with defaults applied. */
export interface AppModel {
  readonly key: string;
  readonly file: string;
  readonly document: JsonDocument;
  /** The file as written, for rules that must tell a given value from a default. */
  readonly data: AllowlistFileData;
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
  /** The groups assigned to the app (who may sign in); undefined when assignments are not managed here. */
  readonly assignments?: readonly string[];
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
  return {
    server,
    name,
    token,
    value: claim.value ?? 'name',
    limit: claim.limit ?? defaultLimit(allowlist),
    scopes: claim.scopes,
    alwaysIncludeInToken: claim.token === 'access' ? true : (claim.alwaysIncludeInToken ?? true),
    path: ['claims', index],
  };
}

export function appModelOf(file: CheckedFile, environments: EnvironmentsModel): AppModel {
  const { data } = file;
  const allowlist = allowlistOf(data);
  return {
    key: file.key,
    file: file.document.file,
    document: file.document,
    data,
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
    assignments: assignmentsOf(data, allowlist),
  };
}

/**
 * The assigned groups the file asks for. A file that gives both or neither forms, or
 * `fromAllowlist` with a dynamic list, is refused by the rule `assignments-are-valid`.
 */
export function assignmentsOf(data: AllowlistFileData, allowlist: AllowlistSpec): readonly string[] | undefined {
  const { assignments } = data;
  if (!assignments) return undefined;
  if (assignments.groups) return assignments.groups;
  return assignments.fromAllowlist && allowlist.kind === 'static' ? allowlist.groups : undefined;
}
