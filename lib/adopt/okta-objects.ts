/**
 * The Okta objects adoption reads, narrowed from the management API's JSON (shapes as Okta
 * answers them: `GET /api/v1/apps`, the internal idToken settings the provider reads for
 * `groups_claim`, authorization servers and their claims, groups).
 */

type Raw = Record<string, unknown>;

/** The org-server groups claim, as `GET /api/v1/internal/apps/{id}/settings/oauth/idToken` answers it. */
export interface OrgGroupsClaim {
  readonly name: string;
  readonly value: string;
  /** `EXPRESSION`, or `GROUPS` for a filter (the provider's `FILTER` type). */
  readonly valueType: string;
  readonly groupFilterType?: string;
}

/** An OIDC app that signs users in (web, native, browser), with what adoption needs of it. */
export interface OidcApp {
  readonly id: string;
  readonly label: string;
  readonly type: string;
  /** The app as Okta answered it. */
  readonly raw: Raw;
  /** The free-form profile; undefined when Okta holds none. */
  readonly profile?: Raw;
}

export interface ServerClaim {
  readonly id: string;
  readonly name: string;
  readonly token: 'id' | 'access';
  readonly valueType: string;
  readonly value: string;
  readonly scopes: readonly string[];
  readonly alwaysIncludeInToken: boolean;
  readonly active: boolean;
}

export interface AuthServer {
  readonly id: string;
  readonly name: string;
  readonly claims: readonly ServerClaim[];
}

/** A group a profile names, and whether its name alone finds it (exactly one group has that name). */
export interface OktaGroup {
  readonly id: string;
  readonly name: string;
  readonly nameIsUnique: boolean;
}

/** App types whose users sign in, the ones an allow-list file can hold. */
export const ADOPTABLE_TYPES: ReadonlySet<string> = new Set(['web', 'native', 'browser']);

const obj = (value: unknown): Raw => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {});

/** `settings.oauthClient` of an app. */
export const oauthClientSettings = (app: OidcApp): Raw => obj(obj(app.raw.settings).oauthClient);
/** `credentials.oauthClient` of an app. */
export const oauthClientCredentials = (app: OidcApp): Raw => obj(obj(app.raw.credentials).oauthClient);

/** The OIDC app in one entry of `GET /api/v1/apps`; undefined for apps of other kinds. */
export function oidcAppOf(raw: Raw): OidcApp | undefined {
  if (raw.signOnMode !== 'OPENID_CONNECT') return undefined;
  const type = obj(obj(raw.settings).oauthClient).application_type;
  const profile = raw.profile === undefined || raw.profile === null ? undefined : obj(raw.profile);
  return { id: String(raw.id), label: String(raw.label ?? ''), type: typeof type === 'string' ? type : '', raw, profile };
}

/** The groups claim in the idToken settings; undefined when the app has none. */
export function orgGroupsClaimOf(raw: unknown): OrgGroupsClaim | undefined {
  const settings = obj(raw);
  if (typeof settings.name !== 'string' || settings.name === '') return undefined;
  return {
    name: settings.name,
    value: typeof settings.value === 'string' ? settings.value : '',
    valueType: typeof settings.valueType === 'string' ? settings.valueType : 'EXPRESSION',
    groupFilterType: typeof settings.groupFilterType === 'string' ? settings.groupFilterType : undefined,
  };
}

/** A claim of `GET /api/v1/authorizationServers/{id}/claims`; undefined for Okta's own system claims. */
export function serverClaimOf(raw: Raw): ServerClaim | undefined {
  if (raw.system === true) return undefined;
  const scopes = obj(raw.conditions).scopes;
  return {
    id: String(raw.id),
    name: String(raw.name ?? ''),
    token: raw.claimType === 'RESOURCE' ? 'access' : 'id',
    valueType: String(raw.valueType ?? 'EXPRESSION'),
    value: typeof raw.value === 'string' ? raw.value : '',
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    alwaysIncludeInToken: raw.alwaysIncludeInToken !== false,
    active: raw.status !== 'INACTIVE',
  };
}
