import { AllowlistedApp } from '../../lib/constructs/allowlisted-app';
import { GroupDirectory } from '../../lib/constructs/group-directory';
import { allowlist, projectOf } from '../helpers/fixture';
import { synthJson } from '../helpers/synth';

function synthApp(file: Record<string, unknown>, environment = 'dev') {
  const plan = projectOf({ 'payroll.json': file }).plans.find((p) => p.name === environment)!;
  const planned = plan.apps[0];
  return synthJson((scope) => {
    const directory = new GroupDirectory(scope, 'groups', { environment, batches: plan.shards[0].groupBatches });
    new AllowlistedApp(scope, 'app', { ...planned, directory });
  });
}

describe('AllowlistedApp', () => {
  test('the address derives from the file name, and the app cannot be destroyed or replaced by a plan', () => {
    const json = synthApp(allowlist());
    expect(Object.keys(json.resource.okta_app_oauth)).toEqual(['payroll']);
    expect(json.resource.okta_app_oauth.payroll.lifecycle).toMatchObject({ prevent_destroy: true });
  });

  test('the profile holds the allow-listed IDs resolved by exact name, the app limit and the shared claims it asks for', () => {
    const json = synthApp(allowlist({ allowlist: { groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] } }));
    expect(json.resource.okta_app_oauth.payroll.profile).toBe(
      '${jsonencode({ groupallowlist = [local.group_ids["Payroll Users"][0], "00g1a2b3c4d5e6f7g8h9"], groupallowlistlimit = 2, groupallowlistclaims = ["default/access/groups"] })}',
    );
  });

  test('the org-server claim is an Expression claim on the app', () => {
    const json = synthApp(allowlist({ claims: [{ server: 'org', name: 'roles', value: 'id' }] }));
    expect(json.resource.okta_app_oauth.payroll.groups_claim).toEqual({
      type: 'EXPRESSION',
      name: 'roles',
      value: 'getFilteredGroups(app.profile.groupallowlist, "group.id", 2)',
    });
    // No custom-server claim reads the limit from the profile, so none is written.
    expect(json.resource.okta_app_oauth.payroll.profile).not.toContain('groupallowlistlimit');
  });

  test('a dynamic list with a custom-server claim opts the app into that claim only, and needs no group lookups', () => {
    const json = synthApp(allowlist({ allowlist: { startsWith: 'IT-' }, claims: [{ server: 'default' }] }));
    expect(json.resource.okta_app_oauth.payroll.profile).toBe('${jsonencode({ groupallowlistclaims = ["default/id/groups"] })}');
    expect(json.resource.okta_app_oauth.payroll.groups_claim).toBeUndefined();
    expect(json.data).toBeUndefined();
  });

  test('an import ID adopts the existing app in that environment only', () => {
    const file = allowlist({ app: { ...(allowlist().app as object), importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } } });
    expect(synthApp(file, 'prod').import).toEqual([{ id: '0oa1b2c3d4e5f6g7h8i9', to: 'okta_app_oauth.payroll' }]);
    expect(synthApp(file, 'dev').import).toBeUndefined();
  });

  test('previousKeys move the state instead of replacing the app', () => {
    const json = synthApp(allowlist({ previousKeys: ['payroll-portal'] }));
    expect(json.moved).toEqual([{ from: 'okta_app_oauth.payroll-portal', to: 'okta_app_oauth.payroll' }]);
  });

  test('public clients use PKCE and no secret; web apps keep the secret out of the state', () => {
    const browser = synthApp(allowlist({ app: { ...(allowlist().app as object), type: 'browser' } })).resource.okta_app_oauth.payroll;
    expect(browser).toMatchObject({ token_endpoint_auth_method: 'none', pkce_required: true, response_types: ['code'] });
    const web = synthApp(allowlist()).resource.okta_app_oauth.payroll;
    expect(web.omit_secret).toBe(true);
  });

  test('every security and dashboard setting is stated, with the project defaults, so an adoption cannot change one unseen', () => {
    const web = synthApp(allowlist()).resource.okta_app_oauth.payroll;
    expect(web).toMatchObject({
      pkce_required: true,
      token_endpoint_auth_method: 'client_secret_basic',
      consent_method: 'TRUSTED',
      issuer_mode: 'ORG_URL',
      hide_web: true,
      hide_ios: true,
    });
    // The provider sends refresh-token settings only with the refresh_token grant.
    expect(web.refresh_token_rotation).toBeUndefined();
    const withRefresh = { ...(allowlist().app as object), grantTypes: ['authorization_code', 'refresh_token'] };
    expect(synthApp(allowlist({ app: withRefresh })).resource.okta_app_oauth.payroll).toMatchObject({
      refresh_token_rotation: 'STATIC',
      refresh_token_leeway: 0,
    });
  });

  test('the file states the settings where teams differ', () => {
    const app = {
      ...(allowlist().app as object),
      grantTypes: ['authorization_code', 'refresh_token'],
      tokenEndpointAuthMethod: 'private_key_jwt',
      jwksUri: 'https://payroll.example.com/keys',
      pkceRequired: false,
      consentMethod: 'REQUIRED',
      issuerMode: 'DYNAMIC',
      refreshToken: { rotation: 'ROTATE', leewaySeconds: 30 },
      hideWeb: false,
      hideIos: false,
    };
    const json = synthApp(allowlist({ app })).resource.okta_app_oauth.payroll;
    expect(json).toMatchObject({
      token_endpoint_auth_method: 'private_key_jwt',
      jwks_uri: 'https://payroll.example.com/keys',
      pkce_required: false,
      consent_method: 'REQUIRED',
      issuer_mode: 'DYNAMIC',
      refresh_token_rotation: 'ROTATE',
      refresh_token_leeway: 30,
      hide_web: false,
      hide_ios: false,
    });
    // A stated jwks_uri is managed; left out, an adopted app's keys are preserved.
    expect(json.lifecycle.ignore_changes).not.toContain('jwks_uri');
    expect(synthApp(allowlist()).resource.okta_app_oauth.payroll.lifecycle.ignore_changes).toContain('jwks_uri');
  });

  test('attributes the project does not manage keep the value Okta has instead of the provider default', () => {
    const ignored = synthApp(allowlist()).resource.okta_app_oauth.payroll.lifecycle.ignore_changes;
    expect(ignored).toEqual(
      expect.arrayContaining([
        'status',
        'login_mode',
        'login_uri',
        'login_scopes',
        'client_uri',
        'tos_uri',
        'policy_uri',
        'jwks',
        'user_name_template',
        'auto_key_rotation',
        'implicit_assignment',
      ]),
    );
    // Nothing the project states is ignored: its changes must show in the plan.
    for (const stated of [
      'pkce_required',
      'token_endpoint_auth_method',
      'consent_method',
      'issuer_mode',
      'hide_web',
      'hide_ios',
      'redirect_uris',
      'profile',
      'groups_claim',
      'label',
    ]) {
      expect(ignored).not.toContain(stated);
    }
  });

  test('provider defaults Okta never reports for the app are kept, so an import plans no update from null', () => {
    const ignoredFor = (changes: Record<string, unknown>) =>
      synthApp(allowlist(changes)).resource.okta_app_oauth.payroll.lifecycle.ignore_changes as string[];
    const browser = { app: { ...(allowlist().app as object), type: 'browser', tokenEndpointAuthMethod: 'none' } };
    expect(ignoredFor(browser)).toEqual(expect.arrayContaining(['omit_secret', 'refresh_token_rotation', 'refresh_token_leeway']));
    // A web app states omit_secret (its secret stays out of the state); with the grant, the refresh settings are stated.
    const refreshing = { app: { ...(allowlist().app as object), grantTypes: ['authorization_code', 'refresh_token'] } };
    expect(ignoredFor(refreshing)).not.toEqual(expect.arrayContaining(['omit_secret']));
    expect(ignoredFor(refreshing)).not.toContain('refresh_token_rotation');
  });

  test('labels and URIs from files are never read as Terraform templates', () => {
    const app = { ...(allowlist().app as object), label: 'Pay ${var.token}' };
    expect(synthApp(allowlist({ app })).resource.okta_app_oauth.payroll.label).toBe('Pay $${var.token}');
  });
});
