import { RunningEmulator } from '../emulator';
import type { JsonObject } from '../emulator/types';
import { appSettingChanges, describeAppSettingChange } from '../lib/pipeline/app-setting-changes';
import { TerraformPlanJson } from '../lib/pipeline/plan-json';
import { groupIdsByName, startOrg } from './harness/org';
import { changedAttributes, changesOf, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Adopting an existing app with `importIds`: the first apply PUTs the whole app (provider 4.20.0
 * `resourceAppOAuthUpdate`), so every attribute the configuration leaves out would take the
 * provider's default. The plan, and the PR summary built from it, must show every change the
 * apply makes, and the apply must make no other.
 */
const ADOPTED_ID = '0oaadopted0000000001';
const MATCHING_ID = '0oaadopted0000000002';
const PKCE_LESS_ID = '0oaadopted0000000003';
const REVIEWERS_ID = '00gadoptgroup0000001';
const LEGACY_CALLBACK = 'https://payroll-portal.example.com/legacy-callback';

/** Settings unlike the project's defaults, and things the project does not manage at all. */
const existingApp = {
  id: ADOPTED_ID,
  label: 'Payroll Portal',
  type: 'web',
  redirectUris: ['https://payroll-portal.example.com/callback', LEGACY_CALLBACK],
  grantTypes: ['authorization_code', 'refresh_token'],
  profile: { groupallowlist: [], costCenter: 'CC-1234' },
  credentials: { token_endpoint_auth_method: 'client_secret_post', pkce_required: true, autoKeyRotation: true },
  oauthClient: {
    response_types: ['code'],
    consent_method: 'REQUIRED',
    refresh_token: { rotation_type: 'ROTATE', leeway: 20 },
    initiate_login_uri: 'https://payroll-portal.example.com/login',
    idp_initiated_login: { mode: 'SPEC', default_scope: [] },
    client_uri: 'https://payroll-portal.example.com',
    tos_uri: 'https://payroll-portal.example.com/terms',
  },
  hide: { iOS: false, web: false },
};

/** Every leaf of a JSON value by dotted path. */
function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, x] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, x);
  } else out.set(prefix, JSON.stringify(value));
  return out;
}

/** Which okta_app_oauth attribute an Okta app field belongs to (the provider's build/read mapping). */
function attributeOf(path: string): string {
  const table: [RegExp, string][] = [
    [/^credentials\.oauthClient\.token_endpoint_auth_method$/, 'token_endpoint_auth_method'],
    [/^credentials\.oauthClient\.pkce_required$/, 'pkce_required'],
    [/^settings\.oauthClient\.consent_method$/, 'consent_method'],
    [/^settings\.oauthClient\.issuer_mode$/, 'issuer_mode'],
    [/^settings\.oauthClient\.refresh_token\.rotation_type$/, 'refresh_token_rotation'],
    [/^settings\.oauthClient\.refresh_token\.leeway$/, 'refresh_token_leeway'],
    [/^settings\.oauthClient\.redirect_uris$/, 'redirect_uris'],
    [/^visibility\.hide\.web$/, 'hide_web'],
    [/^visibility\.hide\.iOS$/, 'hide_ios'],
    [/^profile\./, 'profile'],
  ];
  return table.find(([pattern]) => pattern.test(path))?.[1] ?? path;
}

/** The okta_app_oauth attributes whose Okta fields differ between two snapshots of the app. */
function changedInOkta(before: JsonObject, after: JsonObject): string[] {
  const a = leaves(before);
  const b = leaves(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].filter((p) => p !== 'lastUpdated' && a.get(p) !== b.get(p));
  return [...new Set(paths.map(attributeOf))].sort();
}

describe('adopting an existing app with importIds', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const app = (id: string): JsonObject => structuredClone(org.state.app(id)!);

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, {
      seed: {
        groups: [...SMALL_GROUPS, { id: REVIEWERS_ID, name: 'Expense Reviewers' }],
        apps: [
          existingApp,
          {
            ...existingApp,
            id: MATCHING_ID,
            label: 'Expenses',
            redirectUris: ['https://expenses.example.com/callback'],
            // Already what the project writes for its file below.
            profile: { groupallowlist: [REVIEWERS_ID], groupallowlistlimit: 1, groupallowlistclaims: ['default/access/groups'] },
          },
          // A web app without PKCE: before the project stated pkce_required, its plan showed
          // nothing about PKCE (the provider sends false for an unset value, with no diff).
          {
            ...existingApp,
            id: PKCE_LESS_ID,
            label: 'Old Portal',
            redirectUris: ['https://old-portal.example.com/callback'],
            grantTypes: ['authorization_code'],
            profile: { groupallowlist: [REVIEWERS_ID], groupallowlistlimit: 1, groupallowlistclaims: ['default/access/groups'] },
            credentials: { token_endpoint_auth_method: 'client_secret_basic', pkce_required: false },
            oauthClient: {},
            hide: { iOS: true, web: true },
          },
        ],
      },
    });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      payroll: webApp('Payroll Portal', ['Payroll Admins'], 'payroll', {
        claims: [{ server: 'default', token: 'access', scopes: ['groups'] }],
      }),
    });
    workspace.edit('payroll', (file) => {
      const settings = file.app as JsonObject;
      settings.grantTypes = ['authorization_code', 'refresh_token'];
      settings.importIds = { dev: ADOPTED_ID };
    });
    workspace.synth();
    for (const stack of workspace.stacks('dev')) {
      if (stack.endsWith('--shared')) {
        const shared = await workspace.plan(stack);
        expect(shared.code).not.toBe(1);
        if (shared.code === 2) expect((await workspace.apply(stack)).code).toBe(0);
      }
    }
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('the plan lists exactly what changes on the adopted app, and the PR summary names it', async () => {
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(2);
    expect(changesOf(plan.plan)).toEqual({ 'okta_app_oauth.payroll': 'import+update' });
    const changed = changedAttributes(plan.plan, 'okta_app_oauth.payroll');
    const groupId = groupIdsByName(org).get('Payroll Admins');
    // The project's stated defaults differ from the app: each shows, nothing else does.
    expect(Object.keys(changed).sort()).toEqual(
      [
        'consent_method',
        'hide_ios',
        'hide_web',
        'omit_secret',
        'profile',
        'redirect_uris',
        'refresh_token_leeway',
        'refresh_token_rotation',
        'token_endpoint_auth_method',
      ].sort(),
    );
    expect(changed.token_endpoint_auth_method).toEqual({ before: 'client_secret_post', after: 'client_secret_basic' });
    expect(changed.consent_method).toEqual({ before: 'REQUIRED', after: 'TRUSTED' });
    expect(changed.refresh_token_rotation).toEqual({ before: 'ROTATE', after: 'STATIC' });
    expect(changed.refresh_token_leeway).toEqual({ before: 20, after: 0 });
    expect(changed.hide_web).toEqual({ before: false, after: true });
    expect(changed.redirect_uris.before).toContain(LEGACY_CALLBACK);
    expect(JSON.parse(changed.profile.after as string)).toEqual({
      groupallowlist: [groupId],
      groupallowlistlimit: 1,
      groupallowlistclaims: ['default/access/groups'],
    });

    const summary = appSettingChanges(plan.plan as TerraformPlanJson).map(describeAppSettingChange);
    expect(summary).toHaveLength(1);
    for (const words of [
      'Payroll Portal (adopted, okta_app_oauth.payroll)',
      'token endpoint auth: client_secret_post → client_secret_basic',
      'user consent: REQUIRED → TRUSTED',
      'refresh-token rotation: ROTATE → STATIC',
      'refresh-token leeway (seconds): 20 → 0',
      'dashboard tile hidden on web: no → yes',
      'tile hidden in the Okta mobile app: no → yes',
      `redirect URIs: https://payroll-portal.example.com/callback, ${LEGACY_CALLBACK} → https://payroll-portal.example.com/callback`,
    ]) {
      expect(summary[0]).toContain(words);
    }
    expect(summary[0]).not.toContain('PKCE');

    // The apply changes in Okta exactly what the plan showed: PKCE, login settings, the client
    // secret and everything else the file does not mention stay as they were.
    const before = app(ADOPTED_ID);
    expect((await workspace.apply('dev--payroll')).code).toBe(0);
    const after = app(ADOPTED_ID);
    expect(changedInOkta(before, after)).toEqual([
      'consent_method',
      'hide_ios',
      'hide_web',
      'profile',
      'redirect_uris',
      'refresh_token_leeway',
      'refresh_token_rotation',
      'token_endpoint_auth_method',
    ]);
    expect((after.credentials as JsonObject).oauthClient).toMatchObject({ pkce_required: true });
    expect(after.settings).toMatchObject({
      oauthClient: { initiate_login_uri: existingApp.oauthClient.initiate_login_uri, idp_initiated_login: { mode: 'SPEC' } },
    });
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test("a file that states the app's own settings adopts it without changing anything in Okta", async () => {
    workspace.write(
      'expenses',
      webApp('Expenses', ['Expense Reviewers'], 'payroll', {
        claims: [{ server: 'default', token: 'access', scopes: ['groups'] }],
      }),
    );
    workspace.edit('expenses', (file) => {
      Object.assign(file.app as JsonObject, {
        grantTypes: ['authorization_code', 'refresh_token'],
        importIds: { dev: MATCHING_ID },
        tokenEndpointAuthMethod: 'client_secret_post',
        pkceRequired: true,
        consentMethod: 'REQUIRED',
        refreshToken: { rotation: 'ROTATE', leewaySeconds: 20 },
        hideWeb: false,
        hideIos: false,
      });
    });
    workspace.synth();
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).not.toBe(1);
    const change = plan.plan?.resource_changes?.find((c) => c.address === 'okta_app_oauth.expenses');
    expect(change?.change.importing).toEqual({ id: MATCHING_ID });
    // Only Terraform's own bookkeeping differs: import never reads omit_secret, so a web app
    // shows it going from null to true. The summary lists no setting, and the apply changes nothing.
    expect(changedAttributes(plan.plan, 'okta_app_oauth.expenses')).toEqual({ omit_secret: { before: null, after: true } });
    expect(appSettingChanges(plan.plan as TerraformPlanJson).map(describeAppSettingChange)).toEqual([
      'Expenses (adopted, okta_app_oauth.expenses): no setting changes',
    ]);
    const before = app(MATCHING_ID);
    expect((await workspace.apply('dev--payroll')).code).toBe(0);
    expect(changedInOkta(before, app(MATCHING_ID))).toEqual([]);
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test('an adopted app without PKCE shows "PKCE required: no → yes" in the plan, and gets it', async () => {
    workspace.write(
      'old-portal',
      webApp('Old Portal', ['Expense Reviewers'], 'payroll', { claims: [{ server: 'default', token: 'access', scopes: ['groups'] }] }),
    );
    workspace.edit('old-portal', (file) => ((file.app as JsonObject).importIds = { dev: PKCE_LESS_ID }));
    workspace.synth();
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(2);
    // Besides PKCE only omit_secret, which import never reads (Terraform-only); the refresh-token
    // defaults, which Okta never reports without the grant, are kept with ignore_changes.
    expect(changedAttributes(plan.plan, 'okta_app_oauth.old-portal')).toEqual({
      omit_secret: { before: null, after: true },
      pkce_required: { before: false, after: true },
    });
    expect(appSettingChanges(plan.plan as TerraformPlanJson).map(describeAppSettingChange)).toEqual([
      'Old Portal (adopted, okta_app_oauth.old-portal): PKCE required: no → yes',
    ]);
    const before = app(PKCE_LESS_ID);
    expect((await workspace.apply('dev--payroll')).code).toBe(0);
    expect(changedInOkta(before, app(PKCE_LESS_ID))).toEqual(['pkce_required']);
  });
});
