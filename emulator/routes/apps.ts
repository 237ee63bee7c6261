/** OIDC apps: create, list, get, full-replacement update, lifecycle, delete. */
import { buildApp } from '../app-model';
import { OktaError, notFound } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json, noContent } from '../http-types';
import { ID_PREFIX, newId, oktaNow } from '../ids';
import { copy, obj, str } from '../json';
import { appLinks } from '../links';
import { paginate } from '../paging';
import { compileSearch } from '../search-expression';
import type { AppRecord } from '../state';
import type { JsonObject } from '../types';

/** The app as Okta answers it; only create and update answers carry the client secret. */
export function renderApp(origin: string, record: AppRecord, withSecret: boolean): JsonObject {
  const app = copy(record.app);
  if (!withSecret) delete obj(obj(app.credentials).oauthClient).client_secret;
  app._links = appLinks(origin, app, record.accessPolicyId);
  return app;
}

/** The record of an app, or Okta's 404 for an AppInstance. */
export function findApp(org: OrgContext, id: string): AppRecord {
  const record = org.store.apps.get(id);
  if (!record) throw notFound(id, 'AppInstance');
  return record;
}

/** The access policy Okta gives new apps on an Identity Engine org. */
export function defaultAccessPolicyId(org: OrgContext): string | null {
  if (!org.identityEngine) return null;
  for (const policy of org.store.accessPolicies.values()) if (policy.system === true) return String(policy.id);
  return null;
}

/** Creates an app record in the store (also used by the seed). */
export function insertApp(org: OrgContext, body: JsonObject, active: boolean): AppRecord {
  const id = newId(ID_PREFIX.app);
  const oauth = obj(obj(body.credentials).oauthClient);
  const app = buildApp(body, {
    id,
    status: active ? 'ACTIVE' : 'INACTIVE',
    created: oktaNow(),
    // Okta accepts a caller-chosen client_id and client_secret; otherwise the app ID and a random secret.
    clientId: str(oauth.client_id, '') || id,
    clientSecret: str(oauth.client_secret, '') || null,
  });
  const record: AppRecord = { app, idToken: null, accessPolicyId: defaultAccessPolicyId(org), groups: new Map() };
  org.store.apps.set(id, record);
  return record;
}

function createApp(req: ApiRequest, org: OrgContext) {
  const record = insertApp(org, obj(req.body ?? null), req.query.get('activate') !== 'false');
  return json(renderApp(req.origin, record, true));
}

function listApps(req: ApiRequest, org: OrgContext) {
  let apps = [...org.store.apps.values()].map((r) => r.app);
  const q = req.query.get('q')?.toLowerCase();
  // q matches the start of the name or label, ignoring case.
  if (q) apps = apps.filter((a) => [a.name, a.label].some((v) => String(v).toLowerCase().startsWith(q)));
  const filter = req.query.get('filter');
  if (filter) apps = apps.filter(compileSearch(filter));
  const page = paginate(apps, req, 200, 200);
  const records = page.items.map((a) => findApp(org, String(a.id)));
  return json(
    records.map((r) => renderApp(req.origin, r, false)),
    200,
    { Link: page.links },
  );
}

function getApp(req: ApiRequest, org: OrgContext) {
  return json(renderApp(req.origin, findApp(org, req.params.appId), false));
}

function updateApp(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  const body = obj(req.body ?? null);
  const oauth = obj(obj(body.credentials).oauthClient);
  const current = obj(obj(record.app.credentials).oauthClient);
  record.app = buildApp(body, {
    id: String(record.app.id),
    status: String(record.app.status),
    created: String(record.app.created),
    clientId: str(oauth.client_id, '') || String(current.client_id),
    clientSecret: str(oauth.client_secret, '') || str(current.client_secret, null),
  });
  return json(renderApp(req.origin, record, true));
}

function setStatus(status: 'ACTIVE' | 'INACTIVE') {
  return (req: ApiRequest, org: OrgContext) => {
    const record = findApp(org, req.params.appId);
    if (record.app.status !== status) {
      record.app.status = status;
      record.app.lastUpdated = oktaNow();
    }
    return json({});
  };
}

function deleteApp(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  // Okta refuses to delete an active app; callers deactivate first.
  if (record.app.status === 'ACTIVE') {
    throw new OktaError(403, 'E0000056', 'Delete application forbidden.', [
      'The application must be deactivated before it can be deleted.',
    ]);
  }
  org.store.apps.delete(req.params.appId);
  return noContent();
}

function assignAccessPolicy(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  if (!org.identityEngine || !org.store.accessPolicies.has(req.params.policyId)) {
    throw notFound(req.params.policyId, 'Policy');
  }
  record.accessPolicyId = req.params.policyId;
  return noContent();
}

/** App routes. */
export const appRoutes: Route[] = [
  { method: 'POST', pattern: '/api/v1/apps', handler: createApp },
  { method: 'GET', pattern: '/api/v1/apps', handler: listApps },
  { method: 'GET', pattern: '/api/v1/apps/:appId', handler: getApp },
  { method: 'PUT', pattern: '/api/v1/apps/:appId', handler: updateApp },
  { method: 'DELETE', pattern: '/api/v1/apps/:appId', handler: deleteApp },
  { method: 'POST', pattern: '/api/v1/apps/:appId/lifecycle/activate', handler: setStatus('ACTIVE') },
  { method: 'POST', pattern: '/api/v1/apps/:appId/lifecycle/deactivate', handler: setStatus('INACTIVE') },
  { method: 'PUT', pattern: '/api/v1/apps/:appId/policies/:policyId', handler: assignAccessPolicy },
];
