/** App group assignments: list, get, assign (PUT) and unassign. */
import { notFound } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json, noContent } from '../http-types';
import { oktaNow } from '../ids';
import { copy, obj } from '../json';
import { assignmentLinks } from '../links';
import { paginate } from '../paging';
import type { JsonObject } from '../types';
import { findApp } from './apps';

function render(origin: string, appId: string, assignment: JsonObject): JsonObject {
  return { ...copy(assignment), _links: assignmentLinks(origin, appId, String(assignment.id)) };
}

/** Stores an assignment of `groupId` to the app (also used by the seed). */
export function assignGroup(org: OrgContext, appId: string, groupId: string, body: JsonObject): JsonObject {
  const record = findApp(org, appId);
  if (!org.store.groups.has(groupId)) throw notFound(groupId, 'UserGroup');
  const existing = record.groups.get(groupId);
  const priority = typeof body.priority === 'number' ? body.priority : (existing?.priority ?? record.groups.size);
  const assignment: JsonObject = { id: groupId, lastUpdated: oktaNow(), priority, profile: obj(body.profile) };
  record.groups.set(groupId, assignment);
  return assignment;
}

function list(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  const page = paginate([...record.groups.values()], req, 20, 200);
  return json(
    page.items.map((a) => render(req.origin, req.params.appId, a)),
    200,
    { Link: page.links },
  );
}

function get(req: ApiRequest, org: OrgContext) {
  const assignment = findApp(org, req.params.appId).groups.get(req.params.groupId);
  if (!assignment) throw notFound(req.params.groupId, 'AppGroupAssignment');
  return json(render(req.origin, req.params.appId, assignment));
}

function put(req: ApiRequest, org: OrgContext) {
  const assignment = assignGroup(org, req.params.appId, req.params.groupId, obj(req.body ?? null));
  return json(render(req.origin, req.params.appId, assignment));
}

function remove(req: ApiRequest, org: OrgContext) {
  const record = findApp(org, req.params.appId);
  if (!record.groups.delete(req.params.groupId)) throw notFound(req.params.groupId, 'AppGroupAssignment');
  return noContent();
}

/** App group assignment routes. */
export const appGroupRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/apps/:appId/groups', handler: list },
  { method: 'GET', pattern: '/api/v1/apps/:appId/groups/:groupId', handler: get },
  { method: 'PUT', pattern: '/api/v1/apps/:appId/groups/:groupId', handler: put },
  { method: 'DELETE', pattern: '/api/v1/apps/:appId/groups/:groupId', handler: remove },
];
