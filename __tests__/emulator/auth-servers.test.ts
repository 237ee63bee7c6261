import { type RunningEmulator, startEmulator } from '../../emulator';
import { call } from './client';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    orgHost: 'acme.okta.com',
    apiToken: 'tok',
    strict: { claimScopesMustExist: true },
    seed: { authServers: [{ id: 'aus00000000000000001', name: 'partners', scopes: [{ name: 'groups' }] }] },
  });
});
afterAll(() => emu.stop());

const claim = (name: string, extra: object = {}) => ({
  alwaysIncludeInToken: true,
  claimType: 'RESOURCE',
  conditions: {},
  name,
  status: 'ACTIVE',
  value: 'appuser.x',
  valueType: 'EXPRESSION',
  ...extra,
});

describe('emulator authorization servers', () => {
  it('has the default server with the standard scopes and finds servers by name prefix', async () => {
    const scopes = emu.state.scopes('default').map((s) => s.name);
    expect(scopes).toEqual(['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso']);
    const found = await call(emu.url, 'GET', '/api/v1/authorizationServers?limit=200&q=part');
    expect(found.body.map((s: { id: string }) => s.id)).toEqual(['aus00000000000000001']);
    expect(found.body[0].issuer).toBe('https://acme.okta.com/oauth2/aus00000000000000001');
    expect((await call(emu.url, 'GET', '/api/v1/authorizationServers/nope')).status).toBe(404);
  });

  it('keeps claim values verbatim and refuses duplicates, reserved names and unknown scopes', async () => {
    const base = '/api/v1/authorizationServers/aus00000000000000001/claims';
    const value = 'getFilteredGroups(app.profile.groupallowlist, "group.name", 40)';
    const created = await call(emu.url, 'POST', base, claim('groups', { value, conditions: { scopes: ['groups'] } }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ value, conditions: { scopes: ['groups'] }, system: false, apiResourceId: null });
    const duplicate = await call(emu.url, 'POST', base, claim('groups'));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errorCode).toBe('E0000001');
    expect(duplicate.body.errorCauses).toHaveLength(1);
    expect((await call(emu.url, 'POST', base, claim('groups', { claimType: 'IDENTITY' }))).status).toBe(201);
    expect((await call(emu.url, 'POST', base, claim('cid'))).status).toBe(400);
    expect((await call(emu.url, 'POST', base, claim('role', { claimType: 'IDENTITY' }))).status).toBe(400);
    expect((await call(emu.url, 'POST', base, claim('role'))).status).toBe(201);
    expect((await call(emu.url, 'POST', base, claim('x', { conditions: { scopes: ['nope'] } }))).status).toBe(400);
    const updated = await call(emu.url, 'PUT', `${base}/${created.body.id}`, claim('groups', { value: 'v2' }));
    expect(updated.body).toMatchObject({ value: 'v2', conditions: { scopes: [] } });
    expect((await call(emu.url, 'DELETE', `${base}/${created.body.id}`)).status).toBe(204);
    expect((await call(emu.url, 'GET', `${base}/${created.body.id}`)).status).toBe(404);
  });

  it('refuses duplicate scope names and stores policies with rules', async () => {
    const base = '/api/v1/authorizationServers/default';
    expect((await call(emu.url, 'POST', `${base}/scopes`, { name: 'openid' })).status).toBe(400);
    expect((await call(emu.url, 'POST', `${base}/scopes`, { name: 'groups', metadataPublish: 'ALL_CLIENTS' })).body).toMatchObject({
      name: 'groups',
      metadataPublish: 'ALL_CLIENTS',
      system: false,
    });
    const policy = await call(emu.url, 'POST', `${base}/policies`, {
      name: 'P',
      type: 'OAUTH_AUTHORIZATION_POLICY',
      status: 'ACTIVE',
      priority: 1,
      conditions: { clients: { include: ['0oa1'] } },
    });
    expect(policy.body).toMatchObject({ priority: 1, conditions: { clients: { include: ['0oa1'] } } });
    const rule = await call(emu.url, 'POST', `${base}/policies/${policy.body.id}/rules`, {
      name: 'R',
      priority: 1,
      conditions: {
        grantTypes: { include: ['authorization_code'] },
        scopes: { include: ['*'] },
        people: { groups: { include: ['EVERYONE'] } },
      },
    });
    expect(rule.status).toBe(201);
    expect(emu.state.policies('default').find((p) => p.id === policy.body.id)?.rules).toEqual([expect.objectContaining({ name: 'R' })]);
  });
});
