/**
 * The internal endpoint behind okta_app_oauth.groups_claim:
 * /api/v1/internal/apps/{id}/settings/oauth/idToken (GET, and POST to set). Shapes follow
 * recorded Okta answers: GET carries issuer and audience, the POST echo has them null.
 */
import { validation } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json } from '../http-types';
import { obj, str } from '../json';
import type { JsonObject } from '../types';
import { findApp } from './apps';

const FILTER_TYPES = ['STARTS_WITH', 'EQUALS', 'CONTAINS', 'REGEX'];

/** Validates a groups claim body and returns what Okta stores (null clears the claim). */
export function parseGroupsClaim(body: JsonObject): JsonObject | null {
  const name = str(body.name, '');
  const value = str(body.value, '');
  const issuerMode = str(body.issuerMode, 'ORG_URL');
  // The provider sends only issuerMode when a groups_claim block is emptied.
  if (name === '' && value === '') return { issuerMode };
  if (name === '' || value === '') throw validation('name and value of the groups claim are required');
  const valueType = str(body.valueType, 'EXPRESSION');
  const claim: JsonObject = { issuerMode, valueType, name };
  if (valueType === 'GROUPS') {
    const filterType = str(body.groupFilterType, '');
    if (!FILTER_TYPES.includes(filterType)) throw validation(`groupFilterType: '${filterType}' is not a valid filter type`);
    claim.groupFilterType = filterType;
  } else if (valueType !== 'EXPRESSION') {
    throw validation(`valueType: '${valueType}' is not a valid value type`);
  }
  claim.value = value;
  return claim;
}

function get(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  const stored = record.idToken ?? { issuerMode: 'ORG_URL' };
  return json({
    issuer: `https://${org.orgHost}`,
    orgUrl: null,
    customUrl: null,
    audience: String(obj(obj(record.app.credentials).oauthClient).client_id),
    ...stored,
  });
}

function set(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  record.idToken = parseGroupsClaim(obj(req.body ?? null));
  return json({ issuer: null, orgUrl: null, customUrl: null, audience: null, ...record.idToken });
}

/** Internal idToken settings routes; the provider POSTs, PUT is served the same (unverified on Okta). */
export const idTokenRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/internal/apps/:appId/settings/oauth/idToken', handler: get },
  { method: 'POST', pattern: '/api/v1/internal/apps/:appId/settings/oauth/idToken', handler: set },
  { method: 'PUT', pattern: '/api/v1/internal/apps/:appId/settings/oauth/idToken', handler: set },
];
