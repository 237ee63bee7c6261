/** Claims of a custom authorization server, with Okta's validation. */
import { notFound, validation } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json, noContent } from '../http-types';
import { ID_PREFIX, newId } from '../ids';
import { bool, copy, obj, str, strings } from '../json';
import { subObjectLinks } from '../links';
import type { AuthServerRecord } from '../state';
import type { JsonObject } from '../types';
import { findServer } from './auth-servers';

// Names Okta refuses per token type: Okta's support article "OIDC Bearer Tokens: List of
// Reserved Claims", plus the JWT registered names; "groups" is allowed in access tokens, as
// Okta's own guide creates it.
const RESERVED_BOTH = ['iss', 'jti', 'token_type', 'ver', 'aud', 'exp', 'iat', 'nbf', 'sub', 'acr', 'amr'];
const RESERVED: Record<string, string[]> = {
  RESOURCE: [...RESERVED_BOTH, 'as_uri', 'cid', 'rpt', 'rsi', 'uid', 'username', 'scp', 'auth_time'],
  IDENTITY: [
    ...RESERVED_BOTH,
    ...'active aid app_id app_type at_hash auth_time c_hash client_id client_ip client_req_id client_type client_user_agent cnf'.split(' '),
    ...'device_compliance device_id device_known device_managed device_name device_trust did dst group hotk idp idp_iss mac_key'.split(' '),
    ...'may_act nonce oid okta_emailVerified okta_lastUpdated orig permissions purpose pwd_exp_days pwd_exp_time rid role scope'.split(' '),
    ...'scopes sid term user_ip'.split(' '),
  ],
};
const FILTER_TYPES = ['STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX'];

/**
 * Validates a claim body against the server and returns the stored claim.
 * `strictScopes` refuses scope conditions naming scopes the server lacks.
 */
export function buildClaim(server: AuthServerRecord, body: JsonObject, id: string, strictScopes: boolean): JsonObject {
  const name = str(body.name, '');
  const claimType = str(body.claimType, '');
  const valueType = str(body.valueType, 'EXPRESSION');
  const value = str(body.value, '');
  if (name === '') throw validation('name: The field cannot be left blank');
  if (!(claimType in RESERVED)) throw validation(`claimType: '${claimType}' is not a valid claim type`);
  if (RESERVED[claimType].includes(name)) throw validation(`name: '${name}' is a reserved claim name`);
  if (valueType !== 'EXPRESSION' && valueType !== 'GROUPS') throw validation(`valueType: '${valueType}' is not a valid value type`);
  if (value === '') throw validation('value: The field cannot be left blank');
  for (const other of server.claims.values()) {
    if (other.id !== id && other.name === name && other.claimType === claimType) {
      throw validation(`name: A claim named '${name}' of type ${claimType} already exists on this authorization server`);
    }
  }
  const scopes = strings(obj(body.conditions).scopes, []);
  if (strictScopes) {
    const known = new Set([...server.scopes.values()].map((s) => s.name));
    const missing = scopes.filter((s) => !known.has(s));
    if (missing.length > 0) throw validation(`conditions.scopes: unknown scope(s) ${missing.join(', ')}`);
  }
  const claim: JsonObject = {
    id,
    name,
    status: str(body.status, 'ACTIVE'),
    claimType,
    valueType,
    value,
    conditions: { scopes },
    system: false,
    // Access-token claims are always included; Okta ignores false for them.
    alwaysIncludeInToken: claimType === 'RESOURCE' ? true : bool(body.alwaysIncludeInToken, true),
    apiResourceId: null,
  };
  if (valueType === 'GROUPS') {
    const filterType = str(body.group_filter_type, '');
    if (!FILTER_TYPES.includes(filterType)) throw validation(`group_filter_type: '${filterType}' is not a valid filter type`);
    claim.group_filter_type = filterType;
  }
  return claim;
}

function render(req: ApiRequest, claim: JsonObject): JsonObject {
  return { ...copy(claim), _links: subObjectLinks(req.origin, req.params.serverId, `claims/${String(claim.id)}`) };
}

function findClaim(server: AuthServerRecord, id: string): JsonObject {
  const claim = server.claims.get(id);
  if (!claim) throw notFound(id, 'OAuth2Claim');
  return claim;
}

function list(req: ApiRequest, org: OrgContext) {
  return json([...findServer(org, req.params.serverId).claims.values()].map((c) => render(req, c)));
}

function create(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  const claim = buildClaim(server, obj(req.body ?? null), newId(ID_PREFIX.claim), org.claimScopesMustExist);
  server.claims.set(String(claim.id), claim);
  return json(render(req, claim), 201);
}

function get(req: ApiRequest, org: OrgContext) {
  return json(render(req, findClaim(findServer(org, req.params.serverId), req.params.claimId)));
}

function update(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  findClaim(server, req.params.claimId);
  const claim = buildClaim(server, obj(req.body ?? null), req.params.claimId, org.claimScopesMustExist);
  server.claims.set(req.params.claimId, claim);
  return json(render(req, claim));
}

function remove(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  findClaim(server, req.params.claimId);
  server.claims.delete(req.params.claimId);
  return noContent();
}

/** Claim routes. */
export const claimRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/authorizationServers/:serverId/claims', handler: list },
  { method: 'POST', pattern: '/api/v1/authorizationServers/:serverId/claims', handler: create },
  { method: 'GET', pattern: '/api/v1/authorizationServers/:serverId/claims/:claimId', handler: get },
  { method: 'PUT', pattern: '/api/v1/authorizationServers/:serverId/claims/:claimId', handler: update },
  { method: 'DELETE', pattern: '/api/v1/authorizationServers/:serverId/claims/:claimId', handler: remove },
];
