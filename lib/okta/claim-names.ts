/**
 * Claim names Okta reserves, per token type. A claim with one of these names is refused by
 * Okta's API (or silently shadowed by Okta's own value), so we reject it before plan.
 *
 * Source: Okta support article "OIDC Bearer Tokens: List of Reserved Claims"
 * (https://support.okta.com/help/s/article/list-of-reserved-claim-names), copied in full, plus
 * the JWT registered claims (`exp`, `iat`, `nbf`, `aud`, `sub`) and the claims Okta itself puts in
 * both tokens (`acr`, `amr`, `scp`), which a custom claim would shadow.
 *
 * One exception: the article lists `groups` for access tokens, but Okta's guide "Use a static
 * group allow list with a Custom Authorization Server"
 * (https://developer.okta.com/docs/guides/customize-tokens-static/main/) creates exactly that
 * claim, an access-token claim named `groups`, so it stays allowed. The article's scope-dependent
 * ID-token claims (`email`, `name`, …) are "not technically reserved" by its own words and are
 * not refused.
 */
const RESERVED_IN_BOTH = ['iss', 'jti', 'token_type', 'ver', 'exp', 'iat', 'nbf', 'aud', 'sub', 'acr', 'amr'];

/** The article's access-token names, `groups` excepted (see above). */
const ACCESS_TOKEN = ['as_uri', 'cid', 'rpt', 'rsi', 'scp', 'uid', 'username'];

/** The article's ID-token names. */
const ID_TOKEN = [
  'active',
  'aid',
  'app_id',
  'app_type',
  'at_hash',
  'auth_time',
  'c_hash',
  'client_id',
  'client_ip',
  'client_req_id',
  'client_type',
  'client_user_agent',
  'cnf',
  'device_compliance',
  'device_id',
  'device_known',
  'device_managed',
  'device_name',
  'device_trust',
  'did',
  'dst',
  'group',
  'hotk',
  'idp',
  'idp_iss',
  'mac_key',
  'may_act',
  'nonce',
  'oid',
  'okta_emailVerified',
  'okta_lastUpdated',
  'orig',
  'permissions',
  'purpose',
  'pwd_exp_days',
  'pwd_exp_time',
  'rid',
  'role',
  'scope',
  'scopes',
  'sid',
  'term',
  'user_ip',
];

/** Reserved claim names per token type (sources above). */
export const RESERVED_CLAIM_NAMES: Readonly<Record<'id' | 'access', ReadonlySet<string>>> = {
  access: new Set([...RESERVED_IN_BOTH, ...ACCESS_TOKEN]),
  id: new Set([...RESERVED_IN_BOTH, ...ID_TOKEN]),
};

/** Letters, digits, "_", "-", "." and ":"; starting with a letter or "_". */
export const CLAIM_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;

export const DEFAULT_CLAIM_NAME = 'groups';
