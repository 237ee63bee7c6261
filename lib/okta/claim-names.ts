/**
 * Claim names Okta reserves on custom authorization servers. A claim with one of these names is
 * refused by Okta's API (or silently shadowed by Okta's own value), so we reject it before plan.
 * Okta's guides do create an access-token claim named "groups", so it is not listed even though
 * one support article calls it reserved.
 */
const RESERVED_IN_BOTH = ['iss', 'jti', 'token_type', 'ver', 'exp', 'iat', 'nbf'];

export const RESERVED_CLAIM_NAMES: Readonly<Record<'id' | 'access', ReadonlySet<string>>> = {
  access: new Set([...RESERVED_IN_BOTH, 'acr', 'amr', 'as_uri', 'aud', 'cid', 'rpt', 'rsi', 'scp', 'sub', 'uid', 'username']),
  id: new Set([
    ...RESERVED_IN_BOTH,
    'acr',
    'amr',
    'at_hash',
    'aud',
    'auth_time',
    'c_hash',
    'idp',
    'nonce',
    'scope',
    'scopes',
    'sid',
    'sub',
  ]),
};

/** Letters, digits, "_", "-", "." and ":"; starting with a letter or "_". */
export const CLAIM_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_.:-]{0,99}$/;

export const DEFAULT_CLAIM_NAME = 'groups';
