/**
 * Where a client finds an ID-token Groups claim, per way it gets the ID token. Okta puts such a
 * claim into a "fat" ID token only; the ID token it returns TOGETHER WITH an access token is
 * "thin" and leaves the claim out, so the client reads it from `/userinfo` with the access token:
 *
 * - Okta Support, "Okta Groups or Attribute Missing from ID Token"
 *   (https://support.okta.com/help/s/article/Okta-Groups-or-Attribute-Missing-from-Id-Token),
 *   for the org and custom authorization servers: an ID token returned along with the access token
 *   is thin (implicit `response_type=id_token token`, authorization code with `openid`, resource
 *   owner password with `openid`); returned alone (implicit `response_type=id_token`) it is fat and
 *   holds the groups when the `groups` scope is requested.
 * - Okta Support, "Scope-Dependent Claims Missing from ID Token"
 *   (https://support.okta.com/help/s/article/Claims-are-missing-from-ID-Token): a thin ID token
 *   holds the base claims but not profile attributes and groups; the client calls `/userinfo`.
 * - Okta Help, "Create API access claims"
 *   (https://help.okta.com/en-us/Content/topics/security/api-config-claims.htm), custom servers
 *   only: "Always" (the claim's `alwaysIncludeInToken`) forces the claim into every ID token;
 *   "Userinfo/id_token request" keeps the default above. The org server's app-level groups claim
 *   has no such setting.
 *
 * Okta names no example for the ID tokens of the refresh-token, device-code and token-exchange
 * grants. They come with an access token, so the general rule makes them thin, but no Okta
 * document says so for these grants: they are "unverified" and preview shows both possibilities.
 */

/** Where the claim is: in the ID token, only at `/userinfo`, or either (not settled by Okta's documents). */
export type IdTokenClaimPlace = 'id-token' | 'userinfo' | 'unverified';

/** One way of getting an ID token, as a client would name it. */
export interface IdTokenFlow {
  readonly flow: string;
  readonly place: IdTokenClaimPlace;
}

const IMPLICIT_ALONE = 'implicit (response_type=id_token)';
const IMPLICIT_WITH_ACCESS = 'implicit (response_type=id_token token)';

/** Grants whose ID token Okta documents as thin (returned with an access token). */
const DOCUMENTED_THIN: Readonly<Record<string, string>> = {
  authorization_code: 'authorization_code',
  password: 'password',
};

/** Grants that return an ID token with an access token, which no Okta document places. */
const UNDOCUMENTED: Readonly<Record<string, string>> = {
  refresh_token: 'refresh_token',
  'urn:ietf:params:oauth:grant-type:device_code': 'device code',
  'urn:ietf:params:oauth:grant-type:token-exchange': 'token exchange',
};

/**
 * Per flow the app's grants allow, where its clients find an ID-token claim. `alwaysInToken` is
 * the custom-server claim's `alwaysIncludeInToken`; the org server's claim has no such setting
 * (false). `client_credentials` gets no ID token (no user) and is left out.
 */
export function idTokenFlows(grantTypes: readonly string[], alwaysInToken: boolean): IdTokenFlow[] {
  const thin: IdTokenClaimPlace = alwaysInToken ? 'id-token' : 'userinfo';
  const flows: IdTokenFlow[] = [];
  for (const grant of grantTypes) {
    if (grant === 'implicit') flows.push({ flow: IMPLICIT_ALONE, place: 'id-token' }, { flow: IMPLICIT_WITH_ACCESS, place: thin });
    else if (DOCUMENTED_THIN[grant]) flows.push({ flow: DOCUMENTED_THIN[grant], place: thin });
    else if (UNDOCUMENTED[grant]) flows.push({ flow: UNDOCUMENTED[grant], place: alwaysInToken ? 'id-token' : 'unverified' });
  }
  return flows;
}
