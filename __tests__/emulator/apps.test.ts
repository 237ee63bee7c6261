import { type RunningEmulator, startEmulator } from '../../emulator';
import { call, webAppBody } from './client';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({
    orgHost: 'acme.okta.com',
    apiToken: 'tok',
    seed: { groups: [{ id: '00g00000000000000001', name: 'Payroll' }] },
  });
});
afterAll(() => emu.stop());

describe('emulator apps', () => {
  it('refuses requests without the SSWS token with E0000011', async () => {
    const reply = await call(emu.url, 'GET', '/api/v1/users/me', undefined, null);
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ errorCode: 'E0000011', errorCauses: [] });
    expect((await call(emu.url, 'GET', '/api/v1/users/me', undefined, 'wrong')).status).toBe(401);
    expect((await call(emu.url, 'GET', '/api/v1/users/me')).status).toBe(200);
  });

  it('creates, reads, replaces, deactivates and deletes an app as Okta does', async () => {
    const created = await call(emu.url, 'POST', '/api/v1/apps?activate=true', webAppBody('Portal', { groupallowlist: ['00g1'] }));
    expect(created.status).toBe(200);
    const app = created.body;
    expect(app.id).toMatch(/^0oa[0-9A-Za-z]{17}$/);
    expect(app).toMatchObject({ status: 'ACTIVE', profile: { groupallowlist: ['00g1'] }, visibility: { hide: { iOS: true, web: true } } });
    expect(app.credentials.oauthClient).toMatchObject({
      client_id: app.id,
      token_endpoint_auth_method: 'client_secret_basic',
      pkce_required: false,
    });
    expect(app.credentials.oauthClient.client_secret).toHaveLength(64);
    expect(app.settings.oauthClient).toMatchObject({ issuer_mode: 'ORG_URL', consent_method: 'TRUSTED', wildcard_redirect: 'DISABLED' });
    expect(app._links.deactivate.href).toBe(`${emu.url}/api/v1/apps/${app.id}/lifecycle/deactivate`);
    expect(app._links.accessPolicy.href).toMatch(/\/api\/v1\/policies\/rst/);

    const read = await call(emu.url, 'GET', `/api/v1/apps/${app.id}`);
    expect(read.body.credentials.oauthClient.client_secret).toBeUndefined();

    // A PUT replaces the app: what it leaves out (profile, hide flags) goes back to Okta's default.
    const body = webAppBody('Portal 2') as { visibility: object };
    body.visibility = {};
    const put = await call(emu.url, 'PUT', `/api/v1/apps/${app.id}`, body);
    expect(put.body).toMatchObject({ label: 'Portal 2', visibility: { hide: { iOS: false, web: false } } });
    expect(put.body.profile).toBeUndefined();
    expect(put.body.credentials.oauthClient.client_secret).toBe(app.credentials.oauthClient.client_secret);

    const refused = await call(emu.url, 'DELETE', `/api/v1/apps/${app.id}`);
    expect(refused.status).toBe(403);
    expect((await call(emu.url, 'POST', `/api/v1/apps/${app.id}/lifecycle/deactivate`)).status).toBe(200);
    expect((await call(emu.url, 'DELETE', `/api/v1/apps/${app.id}`)).status).toBe(204);
    const gone = await call(emu.url, 'GET', `/api/v1/apps/${app.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ errorCode: 'E0000007', errorSummary: `Not found: Resource not found: ${app.id} (AppInstance)` });
  });

  it('stores the groups claim behind the internal idToken endpoint', async () => {
    const { body: app } = await call(emu.url, 'POST', '/api/v1/apps?activate=true', webAppBody('Claims'));
    const path = `/api/v1/internal/apps/${app.id}/settings/oauth/idToken`;
    expect((await call(emu.url, 'GET', path)).body).toEqual({
      issuer: 'https://acme.okta.com',
      orgUrl: null,
      customUrl: null,
      audience: app.id,
      issuerMode: 'ORG_URL',
    });
    const value = 'getFilteredGroups(app.profile.groupallowlist, "group.name", 40)';
    const set = await call(emu.url, 'POST', path, { valueType: 'EXPRESSION', issuerMode: 'ORG_URL', name: 'groups', value });
    expect(set.body).toMatchObject({ audience: null, name: 'groups', value });
    expect((await call(emu.url, 'GET', path)).body).toMatchObject({ audience: app.id, valueType: 'EXPRESSION', name: 'groups', value });
    expect(emu.state.groupsClaim(app.id)).toMatchObject({ name: 'groups', value });
    emu.state.removeGroupsClaim(app.id);
    expect(emu.state.groupsClaim(app.id)).toBeNull();
    expect((await call(emu.url, 'POST', path, { valueType: 'GROUPS', name: 'g', value: 'x' })).status).toBe(400);
  });

  it('assigns groups to apps and lists apps with q and paging', async () => {
    const { body: app } = await call(emu.url, 'POST', '/api/v1/apps?activate=false', webAppBody('Zeta'));
    expect(app.status).toBe('INACTIVE');
    expect((await call(emu.url, 'PUT', `/api/v1/apps/${app.id}/groups/00g00000000000000001`, { priority: 0, profile: {} })).status).toBe(
      200,
    );
    expect((await call(emu.url, 'PUT', `/api/v1/apps/${app.id}/groups/00gmissing`, {})).status).toBe(404);
    expect(emu.state.appGroupAssignments(app.id)).toEqual([expect.objectContaining({ id: '00g00000000000000001' })]);
    expect((await call(emu.url, 'GET', '/api/v1/apps?q=zet')).body.map((a: { label: string }) => a.label)).toEqual(['Zeta']);
    const first = await call(emu.url, 'GET', '/api/v1/apps?limit=1');
    expect(first.body).toHaveLength(1);
    expect(first.links).toEqual([expect.stringMatching(/rel="self"$/), expect.stringMatching(/after=0oa.*rel="next"$/)]);
  });
});
