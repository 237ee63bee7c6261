import { admitToken } from '../../emulator/token-admission';
import type { AuthServerRecord } from '../../emulator/state';
import type { JsonObject } from '../../emulator/types';

/** The emulator's access-policy evaluation, on hand-built servers. */
function server(policies: { name: string; priority: number; clients: string[]; status?: string; rules: JsonObject[] }[]): AuthServerRecord {
  return {
    server: { id: 'aus1' },
    scopes: new Map(['openid', 'groups'].map((name) => [name, { id: name, name }])),
    claims: new Map(),
    policies: new Map(
      policies.map((p) => [
        p.name,
        {
          policy: { name: p.name, priority: p.priority, status: p.status ?? 'ACTIVE', conditions: { clients: { include: p.clients } } },
          rules: new Map(p.rules.map((r, i) => [String(i), { status: 'ACTIVE', priority: i + 1, ...r }])),
        },
      ]),
    ),
  };
}
const rule = (grants: string[], scopes: string[], groups = ['EVERYONE']): JsonObject => ({
  name: 'r',
  conditions: { grantTypes: { include: grants }, scopes: { include: scopes }, people: { groups: { include: groups } } },
});
const request = { clientId: '0oaA', grantType: 'authorization_code', scopes: ['openid', 'groups'], groupIds: ['00g1'] };

test('a client no active policy lists gets no token', () => {
  const s = server([
    { name: 'Others', priority: 1, clients: ['0oaB'], rules: [rule(['authorization_code'], ['*'])] },
    { name: 'Off', priority: 2, clients: ['ALL_CLIENTS'], status: 'INACTIVE', rules: [rule(['authorization_code'], ['*'])] },
  ]);
  expect(admitToken(s, request)).toEqual({ admitted: false, reason: 'no_matching_policy: no active access policy applies to client 0oaA' });
});

test('the first applying policy with a matching rule admits; a policy whose rules do not match is passed over', () => {
  const s = server([
    { name: 'Narrow', priority: 1, clients: ['ALL_CLIENTS'], rules: [rule(['client_credentials'], ['*'])] },
    { name: 'Ours', priority: 2, clients: ['0oaA'], rules: [rule(['authorization_code'], ['openid', 'groups'])] },
  ]);
  expect(admitToken(s, request)).toMatchObject({ admitted: true, policy: 'Ours' });
});

test('a rule admits only its scopes, grants and people', () => {
  const s = server([{ name: 'P', priority: 1, clients: ['0oaA'], rules: [rule(['authorization_code'], ['openid'], ['00g2'])] }]);
  expect(admitToken(s, request).reason).toMatch(
    /^no_matching_rule: no rule of "P" allows grant authorization_code with scopes openid groups/,
  );
  expect(admitToken(s, { ...request, scopes: ['openid'] }).admitted).toBe(false);
  expect(admitToken(s, { ...request, scopes: ['openid'], groupIds: ['00g2'] }).admitted).toBe(true);
});

test('a scope the server lacks is refused before any policy', () => {
  expect(admitToken(server([]), { ...request, scopes: ['payroll'] })).toEqual({
    admitted: false,
    reason: 'invalid_scope: the server has no scope payroll',
  });
});
