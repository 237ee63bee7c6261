/** Scopes of a custom authorization server; names are unique per server. */
import { OktaError, notFound, validation } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json, noContent } from '../http-types';
import { ID_PREFIX, newId } from '../ids';
import { bool, copy, obj, str } from '../json';
import { subObjectLinks } from '../links';
import type { AuthServerRecord } from '../state';
import type { JsonObject } from '../types';
import { findServer } from './auth-servers';

/** Validates a scope body and returns the stored scope (also used by the seed). */
export function buildScope(server: AuthServerRecord, body: JsonObject, id: string, system = false): JsonObject {
  const name = str(body.name, '');
  if (name === '') throw validation('name: The field cannot be left blank');
  for (const other of server.scopes.values()) {
    if (other.id !== id && other.name === name) throw validation(`name: A scope with the name '${name}' already exists`);
  }
  return {
    id,
    name,
    displayName: str(body.displayName, name),
    description: str(body.description, ''),
    system,
    metadataPublish: str(body.metadataPublish, 'NO_CLIENTS'),
    consent: str(body.consent, 'IMPLICIT'),
    optional: bool(body.optional, false),
    apiResourceId: null,
    default: bool(body.default, false),
  };
}

function render(req: ApiRequest, scope: JsonObject): JsonObject {
  return { ...copy(scope), _links: subObjectLinks(req.origin, req.params.serverId, `scopes/${String(scope.id)}`) };
}

function findScope(server: AuthServerRecord, id: string): JsonObject {
  const scope = server.scopes.get(id);
  if (!scope) throw notFound(id, 'OAuth2Scope');
  return scope;
}

function list(req: ApiRequest, org: OrgContext) {
  return json([...findServer(org, req.params.serverId).scopes.values()].map((s) => render(req, s)));
}

function create(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  const scope = buildScope(server, obj(req.body ?? null), newId(ID_PREFIX.scope));
  server.scopes.set(String(scope.id), scope);
  return json(render(req, scope), 201);
}

function get(req: ApiRequest, org: OrgContext) {
  return json(render(req, findScope(findServer(org, req.params.serverId), req.params.scopeId)));
}

function update(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  const current = findScope(server, req.params.scopeId);
  const scope = buildScope(server, obj(req.body ?? null), req.params.scopeId, current.system === true);
  server.scopes.set(req.params.scopeId, scope);
  return json(render(req, scope));
}

function remove(req: ApiRequest, org: OrgContext) {
  const server = findServer(org, req.params.serverId);
  if (findScope(server, req.params.scopeId).system === true) {
    throw new OktaError(403, 'E0000006', 'You do not have permission to perform the requested action', ['System scopes cannot be deleted']);
  }
  server.scopes.delete(req.params.scopeId);
  return noContent();
}

/** Scope routes. */
export const scopeRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/authorizationServers/:serverId/scopes', handler: list },
  { method: 'POST', pattern: '/api/v1/authorizationServers/:serverId/scopes', handler: create },
  { method: 'GET', pattern: '/api/v1/authorizationServers/:serverId/scopes/:scopeId', handler: get },
  { method: 'PUT', pattern: '/api/v1/authorizationServers/:serverId/scopes/:scopeId', handler: update },
  { method: 'DELETE', pattern: '/api/v1/authorizationServers/:serverId/scopes/:scopeId', handler: remove },
];
