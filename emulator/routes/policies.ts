/**
 * Access policies and rules of a custom authorization server. Stored as sent, with Okta's
 * envelope (id, type, status, system, created, lastUpdated); not evaluated here.
 * Unlike Okta, priorities are kept as given instead of being renumbered.
 */
import { notFound, validation } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json, noContent } from '../http-types';
import { ID_PREFIX, newId, oktaNow } from '../ids';
import { copy, obj, str } from '../json';
import { subObjectLinks } from '../links';
import type { AuthServerRecord, PolicyRecord } from '../state';
import type { JsonObject } from '../types';
import { findServer } from './auth-servers';

/** Builds a stored policy from a request body (also used by the seed). */
export function buildPolicy(body: JsonObject, id: string, created: string, defaultPriority: number): JsonObject {
  const name = str(body.name, '');
  if (name === '') throw validation('name: The field cannot be left blank');
  return {
    type: 'OAUTH_AUTHORIZATION_POLICY',
    id,
    status: str(body.status, 'ACTIVE'),
    name,
    description: str(body.description, ''),
    priority: typeof body.priority === 'number' && body.priority > 0 ? body.priority : defaultPriority,
    system: false,
    conditions: { clients: { include: ['ALL_CLIENTS'] }, ...obj(body.conditions) },
    created,
    lastUpdated: oktaNow(),
  };
}

/** Builds a stored rule from a request body (also used by the seed). */
export function buildRule(body: JsonObject, id: string, created: string, defaultPriority: number): JsonObject {
  const name = str(body.name, '');
  if (name === '') throw validation('name: The field cannot be left blank');
  const token = obj(obj(body.actions).token);
  return {
    type: str(body.type, 'RESOURCE_ACCESS'),
    id,
    status: str(body.status, 'ACTIVE'),
    name,
    priority: typeof body.priority === 'number' && body.priority > 0 ? body.priority : defaultPriority,
    system: false,
    conditions: obj(body.conditions),
    actions: {
      token: {
        accessTokenLifetimeMinutes: 60,
        refreshTokenLifetimeMinutes: 0,
        refreshTokenWindowMinutes: 10080,
        ...Object.fromEntries(Object.entries(token).filter(([, v]) => v !== null && v !== 0)),
      },
    },
    created,
    lastUpdated: oktaNow(),
  };
}

function findPolicy(server: AuthServerRecord, id: string): PolicyRecord {
  const record = server.policies.get(id);
  if (!record) throw notFound(id, 'AuthorizationServerPolicy');
  return record;
}

function findRule(policy: PolicyRecord, id: string): JsonObject {
  const rule = policy.rules.get(id);
  if (!rule) throw notFound(id, 'AuthorizationServerPolicyRule');
  return rule;
}

const policyPath = (p: JsonObject) => `policies/${String(p.id)}`;
const renderPolicy = (req: ApiRequest, p: JsonObject) => ({
  ...copy(p),
  _links: subObjectLinks(req.origin, req.params.serverId, policyPath(p)),
});
const renderRule = (req: ApiRequest, r: JsonObject) => ({
  ...copy(r),
  _links: subObjectLinks(req.origin, req.params.serverId, `policies/${req.params.policyId}/rules/${String(r.id)}`),
});
const body = (req: ApiRequest) => obj(req.body ?? null);

/** Access policy and rule routes. */
export const policyRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/api/v1/authorizationServers/:serverId/policies',
    handler: (req, org: OrgContext) =>
      json([...findServer(org, req.params.serverId).policies.values()].map((p) => renderPolicy(req, p.policy))),
  },
  {
    method: 'POST',
    pattern: '/api/v1/authorizationServers/:serverId/policies',
    handler: (req, org) => {
      const server = findServer(org, req.params.serverId);
      const policy = buildPolicy(body(req), newId(ID_PREFIX.authServerPolicy), oktaNow(), server.policies.size + 1);
      server.policies.set(String(policy.id), { policy, rules: new Map() });
      return json(renderPolicy(req, policy), 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId',
    handler: (req, org) => json(renderPolicy(req, findPolicy(findServer(org, req.params.serverId), req.params.policyId).policy)),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId',
    handler: (req, org) => {
      const record = findPolicy(findServer(org, req.params.serverId), req.params.policyId);
      record.policy = buildPolicy(body(req), req.params.policyId, String(record.policy.created), Number(record.policy.priority));
      return json(renderPolicy(req, record.policy));
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId',
    handler: (req, org) => {
      const server = findServer(org, req.params.serverId);
      findPolicy(server, req.params.policyId);
      server.policies.delete(req.params.policyId);
      return noContent();
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId/rules',
    handler: (req, org) =>
      json([...findPolicy(findServer(org, req.params.serverId), req.params.policyId).rules.values()].map((r) => renderRule(req, r))),
  },
  {
    method: 'POST',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId/rules',
    handler: (req, org) => {
      const policy = findPolicy(findServer(org, req.params.serverId), req.params.policyId);
      const rule = buildRule(body(req), newId(ID_PREFIX.authServerRule), oktaNow(), policy.rules.size + 1);
      policy.rules.set(String(rule.id), rule);
      return json(renderRule(req, rule), 201);
    },
  },
  {
    method: 'GET',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId/rules/:ruleId',
    handler: (req, org) =>
      json(renderRule(req, findRule(findPolicy(findServer(org, req.params.serverId), req.params.policyId), req.params.ruleId))),
  },
  {
    method: 'PUT',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId/rules/:ruleId',
    handler: (req, org) => {
      const policy = findPolicy(findServer(org, req.params.serverId), req.params.policyId);
      const current = findRule(policy, req.params.ruleId);
      const rule = buildRule(body(req), req.params.ruleId, String(current.created), Number(current.priority));
      policy.rules.set(req.params.ruleId, rule);
      return json(renderRule(req, rule));
    },
  },
  {
    method: 'DELETE',
    pattern: '/api/v1/authorizationServers/:serverId/policies/:policyId/rules/:ruleId',
    handler: (req, org) => {
      const policy = findPolicy(findServer(org, req.params.serverId), req.params.policyId);
      findRule(policy, req.params.ruleId);
      policy.rules.delete(req.params.ruleId);
      return noContent();
    },
  },
];
