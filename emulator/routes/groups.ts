/** Groups: list with q / search / filter and cursor paging, get by ID, create. */
import { notFound, validation } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json } from '../http-types';
import { ID_PREFIX, newId, oktaNow } from '../ids';
import { copy, obj, str } from '../json';
import { groupLinks } from '../links';
import { paginate } from '../paging';
import { compileSearch } from '../search-expression';
import type { JsonObject } from '../types';

/** A stored group as Okta answers it. */
export function renderGroup(origin: string, group: JsonObject): JsonObject {
  return { ...copy(group), _links: groupLinks(origin, String(group.id)) };
}

/** A new group object in Okta's shape. */
export function makeGroup(id: string, name: string, description: string, type: string): JsonObject {
  const now = oktaNow();
  const objectClass = type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group';
  return {
    id,
    created: now,
    lastUpdated: now,
    lastMembershipUpdated: now,
    objectClass: [objectClass],
    type,
    profile: { name, description },
  };
}

function listGroups(req: ApiRequest, org: OrgContext) {
  let groups = [...org.store.groups.values()];
  const q = req.query.get('q');
  // q is a case-insensitive prefix match on the name, as Okta documents it.
  if (q !== null) groups = groups.filter((g) => str(obj(g.profile).name, '').toLowerCase().startsWith(q.toLowerCase()));
  for (const param of ['search', 'filter']) {
    const expression = req.query.get(param);
    if (expression !== null && expression.trim() !== '') groups = groups.filter(compileSearch(expression));
  }
  const page = paginate(groups, req, 10000, 10000);
  return json(
    page.items.map((g) => renderGroup(req.origin, g)),
    200,
    { Link: page.links },
  );
}

function getGroup(req: ApiRequest, org: OrgContext) {
  const group = org.store.groups.get(req.params.groupId);
  if (!group) throw notFound(req.params.groupId, 'UserGroup');
  return json(renderGroup(req.origin, group));
}

function createGroup(req: ApiRequest, org: OrgContext) {
  const profile = obj(obj(req.body ?? null).profile);
  const name = str(profile.name, '');
  if (name === '') throw validation('name: The field cannot be left blank');
  const group = makeGroup(newId(ID_PREFIX.group), name, str(profile.description, ''), 'OKTA_GROUP');
  org.store.groups.set(String(group.id), group);
  return json(renderGroup(req.origin, group));
}

/** Group routes. */
export const groupRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/groups', handler: listGroups },
  { method: 'POST', pattern: '/api/v1/groups', handler: createGroup },
  { method: 'GET', pattern: '/api/v1/groups/:groupId', handler: getGroup },
];
