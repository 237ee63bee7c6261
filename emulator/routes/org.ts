/** Org-level endpoints: the token's user, the well-known org metadata and OIE access policies. */
import { OktaError, notFound } from '../errors';
import { type ApiRequest, type OrgContext, type Route, json } from '../http-types';
import { copy } from '../json';
import { orgPolicyLinks } from '../links';

function me(req: ApiRequest, org: OrgContext) {
  const [user] = org.store.users.values();
  if (!user) throw notFound('me', 'User');
  return json({ ...copy(user), _links: { self: { href: `${req.origin}/api/v1/users/${String(user.id)}` } } });
}

function getUser(req: ApiRequest, org: OrgContext) {
  if (req.params.userId === 'me') return me(req, org);
  const user = org.store.users.get(req.params.userId);
  if (!user) throw notFound(req.params.userId, 'User');
  return json(copy(user));
}

function wellKnown(_req: ApiRequest, org: OrgContext) {
  // The provider reads only `pipeline`: "idx" is Identity Engine, "v1" Classic.
  return json({
    id: '00o0000000000000000e',
    cell: 'emu',
    _links: { organization: { href: `https://${org.orgHost}` } },
    pipeline: org.identityEngine ? 'idx' : 'v1',
    settings: { analyticsCollectionEnabled: false, bugReportingEnabled: true, omEnabled: false },
  });
}

function listPolicies(req: ApiRequest, org: OrgContext) {
  const type = req.query.get('type');
  if (type !== 'ACCESS_POLICY') {
    // Only app access policies are modelled; other types list as empty rather than fail.
    if (type === null) throw new OktaError(400, 'E0000001', 'Api validation failed: type', ['type: The field is required']);
    return json([]);
  }
  if (!org.identityEngine) return json([]);
  const policies = [...org.store.accessPolicies.values()].map((p) => ({ ...copy(p), _links: orgPolicyLinks(req.origin, String(p.id)) }));
  return json(policies, 200, { Link: [`<${req.origin}/api/v1/policies?type=ACCESS_POLICY>; rel="self"`] });
}

/** Org routes. */
export const orgRoutes: Route[] = [
  { method: 'GET', pattern: '/api/v1/users/:userId', handler: getUser },
  { method: 'GET', pattern: '/.well-known/okta-organization', handler: wellKnown },
  { method: 'GET', pattern: '/api/v1/policies', handler: listPolicies },
];
