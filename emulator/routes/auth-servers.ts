/** Custom authorization servers: list (q = name prefix) and get. */
import { notFound } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json } from '../http-types';
import { copy, str } from '../json';
import { authServerLinks } from '../links';
import { paginate } from '../paging';
import type { AuthServerRecord } from '../state';
import type { JsonObject } from '../types';

/** The server record, or Okta's 404 for an AuthorizationServer. */
export function findServer(org: OrgContext, id: string): AuthServerRecord {
  const record = org.store.authServers.get(id);
  if (!record) throw notFound(id, 'AuthorizationServer');
  return record;
}

function render(req: ApiRequest, org: OrgContext, server: JsonObject): JsonObject {
  const id = String(server.id);
  // The issuer is the org's real URL whichever way the request came in.
  return { ...copy(server), issuer: `https://${org.orgHost}/oauth2/${id}`, _links: authServerLinks(req.origin, id, String(server.status)) };
}

function list(req: ApiRequest, org: OrgContext) {
  let servers = [...org.store.authServers.values()].map((r) => r.server);
  const q = req.query.get('q')?.toLowerCase();
  if (q) servers = servers.filter((s) => str(s.name, '').toLowerCase().startsWith(q));
  const page = paginate(servers, req, 200, 200);
  return json(
    page.items.map((s) => render(req, org, s)),
    200,
    { Link: page.links },
  );
}

function get(req: ApiRequest, org: OrgContext) {
  return json(render(req, org, findServer(org, req.params.serverId).server));
}

/** Authorization server routes. */
export const authServerRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/authorizationServers', handler: list },
  { method: 'GET', pattern: '/api/v1/authorizationServers/:serverId', handler: get },
];
