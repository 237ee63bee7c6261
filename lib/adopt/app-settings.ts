import { AllowlistFileData } from '../model/allowlist-file';
import { OidcApp, oauthClientCredentials, oauthClientSettings } from './okta-objects';

type AppSettingsData = AllowlistFileData['app'];

/** Grant types an allow-list file can state (lib/model/allowlist-file.ts). */
const FILE_GRANTS: ReadonlySet<string> = new Set([
  'authorization_code',
  'refresh_token',
  'implicit',
  'client_credentials',
  'password',
  'urn:ietf:params:oauth:grant-type:device_code',
  'urn:ietf:params:oauth:grant-type:token-exchange',
]);
const AUTH_METHODS: ReadonlySet<string> = new Set([
  'client_secret_basic',
  'client_secret_post',
  'client_secret_jwt',
  'private_key_jwt',
  'none',
]);
const CONSENT_METHODS: ReadonlySet<string> = new Set(['TRUSTED', 'REQUIRED']);
const ISSUER_MODES: ReadonlySet<string> = new Set(['ORG_URL', 'CUSTOM_URL', 'DYNAMIC']);

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/**
 * The `app` section of an adopted app's file: label, type, URIs, grants and every security and
 * dashboard setting the project states (docs/okta-semantics.md), each with the value Okta holds,
 * so that the first apply writes back what is there. Anything the file cannot state as it is
 * becomes a reason; the settings are still returned (for --force-partial), without that value.
 */
export function appSettingsFromOkta(app: OidcApp, environment: string): { settings: AppSettingsData; reasons: string[] } {
  const reasons: string[] = [];
  const client = oauthClientSettings(app);
  const credentials = oauthClientCredentials(app);

  const grants = strings(client.grant_types);
  const unknownGrants = grants.filter((g) => !FILE_GRANTS.has(g));
  if (unknownGrants.length > 0)
    reasons.push(`grant type(s) ${unknownGrants.join(', ')} cannot be written in an allow-list file (the first apply would remove them)`);
  const grantTypes = grants.filter((g) => FILE_GRANTS.has(g)) as AppSettingsData['grantTypes'];
  if (grantTypes.length === 0) reasons.push('the app has no grant type an allow-list file can state');

  // The project derives response types from the grants (lib/constructs/allowlisted-app.ts).
  const derived = [
    ...(grantTypes.includes('authorization_code') ? ['code'] : []),
    ...(grantTypes.includes('implicit') ? ['token', 'id_token'] : []),
  ];
  const responseTypes = strings(client.response_types);
  if ([...responseTypes].sort().join(' ') !== [...derived].sort().join(' ')) {
    reasons.push(
      `response types ${JSON.stringify(responseTypes)} are not the ones the project derives from the grants (${JSON.stringify(derived)}): the first apply would change them`,
    );
  }

  const settings: AppSettingsData = {
    label: app.label,
    type: app.type as AppSettingsData['type'],
    redirectUris: strings(client.redirect_uris),
    postLogoutRedirectUris: strings(client.post_logout_redirect_uris),
    grantTypes,
    importIds: { [environment]: app.id },
  };
  if (settings.redirectUris?.length === 0) delete settings.redirectUris;
  if (settings.postLogoutRedirectUris?.length === 0) delete settings.postLogoutRedirectUris;

  // The provider reads a missing pkce_required as false (resourceAppOAuthRead).
  settings.pkceRequired = credentials.pkce_required === true;
  const method = credentials.token_endpoint_auth_method;
  if (typeof method === 'string' && AUTH_METHODS.has(method))
    settings.tokenEndpointAuthMethod = method as AppSettingsData['tokenEndpointAuthMethod'];
  else reasons.push(`token endpoint auth method ${JSON.stringify(method)} cannot be written in an allow-list file`);
  // A jwks_uri is stated as it is; inline keys (jwks) are kept by the project without being stated.
  if (typeof client.jwks_uri === 'string' && client.jwks_uri !== '') settings.jwksUri = client.jwks_uri;

  const consent = client.consent_method ?? 'TRUSTED';
  if (typeof consent === 'string' && CONSENT_METHODS.has(consent)) settings.consentMethod = consent as AppSettingsData['consentMethod'];
  else reasons.push(`consent method ${JSON.stringify(consent)} cannot be written in an allow-list file`);
  const issuer = client.issuer_mode ?? 'ORG_URL';
  if (typeof issuer === 'string' && ISSUER_MODES.has(issuer)) settings.issuerMode = issuer as AppSettingsData['issuerMode'];
  else reasons.push(`issuer mode ${JSON.stringify(issuer)} cannot be written in an allow-list file`);

  if (grantTypes.includes('refresh_token')) {
    const refresh = (client.refresh_token ?? {}) as Record<string, unknown>;
    const rotation = refresh.rotation_type ?? 'STATIC';
    const leeway = refresh.leeway ?? 0;
    if (
      (rotation === 'STATIC' || rotation === 'ROTATE') &&
      Number.isInteger(leeway) &&
      (leeway as number) >= 0 &&
      (leeway as number) <= 60
    ) {
      settings.refreshToken = { rotation, leewaySeconds: leeway as number };
    } else {
      reasons.push(
        `refresh-token rotation ${JSON.stringify(rotation)} with leeway ${JSON.stringify(leeway)} cannot be written in an allow-list file (STATIC or ROTATE, 0–60 seconds)`,
      );
    }
  }

  // Okta's default is a visible tile; the provider's (and the file's) is hidden.
  const hide = ((app.raw.visibility as Record<string, unknown> | undefined)?.hide ?? {}) as Record<string, unknown>;
  settings.hideWeb = hide.web === true;
  settings.hideIos = hide.iOS === true;
  return { settings, reasons };
}
