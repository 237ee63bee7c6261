/**
 * The grant types the okta provider 4.20.0 accepts per app type, copied from
 * `appRequirementsByType` in its `okta/resource_okta_app_oauth.go`. `validateGrantTypes` (through
 * `conditionalValidator` in `okta/utils.go`) checks them at create and update, that is at APPLY
 * time, after a plan has already succeeded: every grant must be in `valid` and every grant in
 * `required` must be present. `service` apps are refused by the project before this table
 * matters (see the app-type-fits-grants rule).
 */
export interface GrantRequirements {
  readonly required: readonly string[];
  readonly valid: readonly string[];
}

const AUTHORIZATION_CODE = 'authorization_code';
const MULTI_FACTOR = [
  'interaction_code',
  'urn:okta:params:oauth:grant-type:oob',
  'urn:okta:params:oauth:grant-type:otp',
  'http://auth0.com/oauth/grant-type/mfa-oob',
  'http://auth0.com/oauth/grant-type/mfa-otp',
];
const SAML2_BEARER = 'urn:ietf:params:oauth:grant-type:saml2-bearer';
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const DEVICE_CODE = 'urn:ietf:params:oauth:grant-type:device_code';

/** Per user-facing app type: the grants it must and may have. */
export const GRANT_REQUIREMENTS: Readonly<Record<'web' | 'native' | 'browser', GrantRequirements>> = {
  web: {
    required: [AUTHORIZATION_CODE],
    valid: [
      AUTHORIZATION_CODE,
      'implicit',
      'refresh_token',
      'client_credentials',
      SAML2_BEARER,
      TOKEN_EXCHANGE,
      DEVICE_CODE,
      ...MULTI_FACTOR,
      'urn:openid:params:grant-type:ciba',
    ],
  },
  native: {
    required: [AUTHORIZATION_CODE],
    valid: [
      AUTHORIZATION_CODE,
      'implicit',
      'refresh_token',
      'password',
      SAML2_BEARER,
      'urn:ietf:params:oauth:grant-type:jwt-bearer',
      TOKEN_EXCHANGE,
      DEVICE_CODE,
      ...MULTI_FACTOR,
    ],
  },
  browser: {
    required: [],
    valid: ['implicit', AUTHORIZATION_CODE, 'refresh_token', SAML2_BEARER, TOKEN_EXCHANGE, DEVICE_CODE, ...MULTI_FACTOR],
  },
};

/** App types whose table allows `grant`, for a message that names the fix. */
export function typesAllowing(grant: string): string[] {
  return Object.entries(GRANT_REQUIREMENTS)
    .filter(([, r]) => r.valid.includes(grant))
    .map(([type]) => type);
}
