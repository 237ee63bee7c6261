/**
 * OIDC app objects: what Okta stores from a create or full-replacement update, and the
 * defaults it fills in (taken from recorded Okta responses to the okta provider 4.20.0).
 */
import { validation } from './errors';
import { newSecret, oktaNow } from './ids';
import { bool, obj, str, strings } from './json';
import type { Json, JsonObject } from './types';

const APP_TYPES = ['web', 'native', 'browser', 'service'];
// One signing key per org in the recordings; any stable value works for the provider.
const SIGNING_KID = 'emulatorSigningKey0000000000000000000000000';

/** What survives a PUT: identity, lifecycle and generated credentials. */
export interface AppIdentity {
  id: string;
  status: string;
  created: string;
  clientId: string;
  clientSecret: string | null;
}

/**
 * Builds the stored app from a POST or PUT body. Everything not in the body falls back to
 * Okta's default, which is how a PUT resets attributes it omits.
 */
export function buildApp(body: JsonObject, identity: AppIdentity): JsonObject {
  if (str(body.label, '').trim() === '') throw validation('label: The field cannot be left blank');
  const signOnMode = str(body.signOnMode, 'OPENID_CONNECT');
  if (signOnMode !== 'OPENID_CONNECT' || str(body.name, 'oidc_client') !== 'oidc_client') {
    throw validation('The emulator supports only OIDC apps (name oidc_client, signOnMode OPENID_CONNECT)');
  }
  const settings = obj(body.settings);
  const client = obj(settings.oauthClient);
  const appType = str(client.application_type, 'web');
  if (!APP_TYPES.includes(appType)) throw validation(`application_type: '${appType}' is not a valid value`);
  const app: JsonObject = {
    id: identity.id,
    name: 'oidc_client',
    label: str(body.label, ''),
    status: identity.status,
    lastUpdated: oktaNow(),
    created: identity.created,
    accessibility: buildAccessibility(obj(body.accessibility)),
    visibility: buildVisibility(obj(body.visibility)),
    features: [],
    signOnMode,
    credentials: buildCredentials(obj(body.credentials), identity, appType),
    settings: {
      app: obj(settings.app),
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
      manualProvisioning: false,
      implicitAssignment: bool(settings.implicitAssignment, false),
      notes: { admin: obj(settings.notes).admin ?? null, enduser: obj(settings.notes).enduser ?? null },
      oauthClient: buildOauthClient(client, appType),
    },
  };
  // Okta keeps the profile as a JSON object and leaves the key out when there is none.
  if (body.profile !== undefined && body.profile !== null) app.profile = obj(body.profile);
  return app;
}

function buildAccessibility(a: JsonObject): JsonObject {
  return {
    selfService: bool(a.selfService, false),
    errorRedirectUrl: str(a.errorRedirectUrl, null),
    loginRedirectUrl: str(a.loginRedirectUrl, null),
  };
}

function buildVisibility(v: JsonObject): JsonObject {
  const hide = obj(v.hide);
  return {
    autoLaunch: bool(v.autoLaunch, false),
    autoSubmitToolbar: bool(v.autoSubmitToolbar, false),
    hide: { iOS: bool(hide.iOS, false), web: bool(hide.web, false) },
    appLinks: v.appLinks && typeof v.appLinks === 'object' ? v.appLinks : { oidc_client_link: true },
  };
}

function buildCredentials(c: JsonObject, identity: AppIdentity, appType: string): JsonObject {
  const oauth = obj(c.oauthClient);
  const authMethod = str(oauth.token_endpoint_auth_method, appType === 'browser' ? 'none' : 'client_secret_basic');
  const oauthClient: JsonObject = {
    autoKeyRotation: bool(oauth.autoKeyRotation, true),
    client_id: identity.clientId,
  };
  // Public clients (auth method none) and key-based ones have no secret.
  if (authMethod === 'client_secret_basic' || authMethod === 'client_secret_post' || authMethod === 'client_secret_jwt') {
    oauthClient.client_secret = identity.clientSecret ?? newSecret();
  }
  oauthClient.token_endpoint_auth_method = authMethod;
  oauthClient.pkce_required = bool(oauth.pkce_required, appType === 'native' || appType === 'browser');
  const template = obj(c.userNameTemplate);
  return {
    userNameTemplate: Object.keys(template).length > 0 ? template : { template: '${source.login}', type: 'BUILT_IN' },
    signing: { kid: SIGNING_KID },
    oauthClient,
  };
}

const OPTIONAL_CLIENT_KEYS = ['post_logout_redirect_uris', 'tos_uri', 'policy_uri', 'initiate_login_uri', 'jwks_uri', 'jwks'];

function buildOauthClient(c: JsonObject, appType: string): JsonObject {
  const grantTypes = strings(c.grant_types, appType === 'service' ? ['client_credentials'] : ['authorization_code']);
  const login = obj(c.idp_initiated_login);
  const out: JsonObject = {
    client_uri: str(c.client_uri, null),
    logo_uri: str(c.logo_uri, null),
    redirect_uris: strings(c.redirect_uris, []),
    response_types: strings(c.response_types, ['code']),
    grant_types: grantTypes,
    application_type: appType,
    consent_method: str(c.consent_method, 'TRUSTED'),
    issuer_mode: str(c.issuer_mode, 'ORG_URL'),
    idp_initiated_login: { mode: str(login.mode, 'DISABLED'), default_scope: strings(login.default_scope, []) },
    wildcard_redirect: str(c.wildcard_redirect, 'DISABLED'),
    dpop_bound_access_tokens: false,
    participate_slo: false,
  };
  for (const key of OPTIONAL_CLIENT_KEYS) {
    const value: Json | undefined = c[key];
    const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (!empty) out[key] = value;
  }
  // Okta answers refresh_token settings only for clients allowed the refresh_token grant.
  if (grantTypes.includes('refresh_token')) {
    const refresh = obj(c.refresh_token);
    out.refresh_token = {
      rotation_type: str(refresh.rotation_type, 'STATIC'),
      leeway: typeof refresh.leeway === 'number' ? refresh.leeway : 30,
    };
  }
  return out;
}
