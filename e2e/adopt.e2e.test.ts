import { readdirSync } from 'node:fs';
import { RunningEmulator } from '../emulator';
import type { JsonObject, SeedApp } from '../emulator/types';
import { adoptCommand } from '../lib/adopt/command';
import { startOrg, TEST_API_TOKEN } from './harness/org';
import { changedAttributes, changesOf, planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, webApp } from './fixtures/small-project';

/**
 * `npm run adopt` against an org configured by hand: the files it writes import every adopted
 * app with a plan that changes nothing in Okta, it reports what it cannot express, and a second
 * run writes nothing.
 */
const G = (n: number): string => `00gadopt${String(n).padStart(12, '0')}`;
const A = (n: number): string => `0oahandmade${String(n).padStart(9, '0')}`;

const GROUPS = [
  { id: G(1), name: 'Sales Leads' },
  { id: G(2), name: 'Sales Reps' },
  { id: G(3), name: 'Regional Team' },
  { id: G(4), name: 'Regional Team' }, // the same name twice: only the ID finds each
  { id: G(5), name: 'Ops "Core" Team' },
  { id: G(6), name: 'Support' },
  { id: G(7), name: 'Équipe Paie' },
];

const web = (id: string, label: string, more: Partial<SeedApp>): SeedApp => ({
  id,
  label,
  type: 'web',
  redirectUris: [`https://${id}.example.com/callback`],
  grantTypes: ['authorization_code'],
  oauthClient: { response_types: ['code'] },
  credentials: { token_endpoint_auth_method: 'client_secret_basic', pkce_required: true },
  ...more,
});

const APPS: SeedApp[] = [
  // Static list, org-server claim, settings unlike the project's defaults.
  web(A(1), 'Sales Portal', {
    grantTypes: ['authorization_code', 'refresh_token'],
    profile: { groupallowlist: [G(1), G(2), G(3)] },
    groupsClaim: { name: 'groups', value: 'getFilteredGroups(app.profile.groupallowlist, "group.name", 5)', valueType: 'EXPRESSION' },
    oauthClient: {
      response_types: ['code'],
      consent_method: 'REQUIRED',
      refresh_token: { rotation_type: 'ROTATE', leeway: 20 },
      post_logout_redirect_uris: ['https://sales.example.com/bye'],
    },
    credentials: { token_endpoint_auth_method: 'client_secret_post', pkce_required: false },
    hide: { iOS: false, web: false },
  }),
  // Dynamic list on the org server, a public client with no profile.
  {
    id: A(2),
    label: 'Ops Console',
    type: 'browser',
    redirectUris: ['https://ops.example.com/callback'],
    grantTypes: ['authorization_code'],
    groupsClaim: { name: 'ops_groups', value: 'Groups.startsWith("OKTA", "Ops", 25)', valueType: 'EXPRESSION' },
  },
  // Opted into the project's shared claim, as a forgotten app keeps it.
  {
    id: A(3),
    label: 'Field App',
    type: 'native',
    redirectUris: ['com.acme.field:/callback'],
    grantTypes: ['authorization_code', 'refresh_token'],
    credentials: { token_endpoint_auth_method: 'none', pkce_required: true },
    profile: { groupallowlist: [G(5), G(7)], groupallowlistlimit: 2, groupallowlistclaims: ['default/access/groups'] },
  },
  // What cannot be expressed.
  web(A(4), 'Filter App', { groupsClaim: { name: 'groups', value: 'Sales', valueType: 'GROUPS', groupFilterType: 'STARTS_WITH' } }),
  web(A(5), 'Fallback App', {
    groupsClaim: { name: 'groups', value: 'Groups.startsWith("OKTA","Sales",10) ?: {}', valueType: 'EXPRESSION' },
  }),
  web(A(6), 'Cost Center App', {
    profile: { groupallowlist: [G(6)], costCenter: 'CC-1' },
    groupsClaim: { name: 'groups', value: 'getFilteredGroups(app.profile.groupallowlist, "group.name", 1)', valueType: 'EXPRESSION' },
  }),
  web(A(7), 'Team Claim App', { profile: { teamgroups: [G(6)] } }),
];

describe('npm run adopt against a hand-configured org', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const adopt = (...args: string[]) =>
    adoptCommand(['--env', 'dev', '--dir', workspace.allowlistsDir, '--config', workspace.environmentsFile, ...args], {
      env: org.env('http-proxy'),
    });
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${org.env('http-proxy').OKTA_HTTP_PROXY}${path}`, {
      method: 'POST',
      headers: { Authorization: `SSWS ${TEST_API_TOKEN}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBeLessThan(300);
  };
  const claim = (name: string, value: string) => ({
    name,
    claimType: 'IDENTITY',
    valueType: 'EXPRESSION',
    value,
    status: 'ACTIVE',
    alwaysIncludeInToken: true,
    conditions: { scopes: [] },
  });
  const files = () => readdirSync(workspace.allowlistsDir).sort();

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: GROUPS, apps: APPS } });
    // A hand-made claim that serves the app whose profile has "teamgroups".
    await post(
      '/api/v1/authorizationServers/default/claims',
      claim('team_groups', 'getFilteredGroups(app.profile.teamgroups, "group.name", 40)'),
    );
    // One app the repository already manages, asking for the shared claim Field App uses.
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      'managed-portal': webApp('Managed Portal', ['Support'], 'platform', {
        claims: [{ server: 'default', token: 'access', scopes: ['groups'] }],
      }),
    });
    workspace.synth();
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('writes a file per expressible app, reports the rest with reasons, and refuses to run without owners', async () => {
    const noOwner = await adopt('--all');
    expect(noOwner.exitCode).toBe(2);
    expect(noOwner.stderr.join('\n')).toMatch(/pass --owner or --owners-file/);

    const run = await adopt('--all', '--owner', '@acme/platform');
    const out = run.stdout.join('\n');
    expect(run.exitCode).toBe(1);
    expect(files()).toEqual(['field-app.json', 'managed-portal.json', 'ops-console.json', 'sales-portal.json']);
    expect(out).toMatch(/already managed: "Managed Portal"/);
    expect(out).toMatch(/SKIPPED "Filter App"[^]*is a FILTER \(STARTS_WITH "Sales"\)/);
    expect(out).toMatch(/SKIPPED "Fallback App"[^]*an expression the project does not generate/);
    expect(out).toMatch(/SKIPPED "Cost Center App"[^]*profile key\(s\) costCenter are not the project's/);
    expect(out).toMatch(
      /SKIPPED "Team Claim App"[^]*claim "team_groups" \(id token\) on authorization server "default" \(default\) reads app\.profile\.teamgroups without the project's Arrays\.contains guard/,
    );

    expect(workspace.read('sales-portal')).toEqual({
      $schema: './schema.json',
      owners: ['@acme/platform'],
      environments: ['dev'],
      app: {
        label: 'Sales Portal',
        type: 'web',
        redirectUris: [`https://${A(1)}.example.com/callback`],
        postLogoutRedirectUris: ['https://sales.example.com/bye'],
        grantTypes: ['authorization_code', 'refresh_token'],
        importIds: { dev: A(1) },
        pkceRequired: false,
        tokenEndpointAuthMethod: 'client_secret_post',
        consentMethod: 'REQUIRED',
        issuerMode: 'ORG_URL',
        refreshToken: { rotation: 'ROTATE', leewaySeconds: 20 },
        hideWeb: false,
        hideIos: false,
      },
      // "Regional Team" names two groups: the ID stays.
      allowlist: { groups: ['Sales Leads', 'Sales Reps', G(3)] },
      claims: [{ server: 'org', name: 'groups', value: 'name', limit: 5 }],
    });
    expect(workspace.read('ops-console')).toMatchObject({
      allowlist: { startsWith: 'Ops' },
      claims: [{ server: 'org', name: 'ops_groups', limit: 25 }],
    });
    expect(workspace.read('field-app')).toMatchObject({
      allowlist: { groups: ['Ops "Core" Team', 'Équipe Paie'] },
      claims: [{ server: 'default', name: 'groups', token: 'access', value: 'name', limit: 2, scopes: ['groups'] }],
    });
  });

  test('synth + plan of the result: only the imports, no change to any adopted app, and the apply leaves Okta as it was', async () => {
    workspace.synth();
    const before = new Map([A(1), A(2), A(3)].map((id) => [id, structuredClone(org.state.app(id)!)]));
    for (const stack of workspace.stacks('dev')) {
      const plan = await workspace.plan(stack);
      expect(plan.code).not.toBe(1);
      if (stack === 'dev--shared') {
        expect(plan.code).toBe(0);
        continue;
      }
      expect(changesOf(plan.plan)).toEqual({
        'okta_app_oauth.sales-portal': 'import+update',
        'okta_app_oauth.ops-console': 'import',
        'okta_app_oauth.field-app': 'import',
      });
      // A web app's only difference is Terraform's own bookkeeping: import never reads
      // omit_secret (config only), so it goes from null to true; Okta is not asked to change.
      expect(changedAttributes(plan.plan, 'okta_app_oauth.sales-portal')).toEqual({ omit_secret: { before: null, after: true } });
      // A public client without the refresh_token grant plans nothing: omit_secret and the
      // refresh-token defaults, which Okta never reports for it, are kept with ignore_changes.
      expect(changedAttributes(plan.plan, 'okta_app_oauth.ops-console')).toEqual({});
      expect(changedAttributes(plan.plan, 'okta_app_oauth.field-app')).toEqual({});
      expect((await workspace.apply(stack)).code).toBe(0);
      expect((await workspace.plan(stack)).code).toBe(0);
    }
    for (const [id, app] of before) {
      const after = org.state.app(id) as JsonObject;
      expect({ ...after, lastUpdated: null }).toEqual({ ...app, lastUpdated: null });
    }
  });

  test('a second run writes nothing', async () => {
    const listing = files();
    const again = await adopt('--all', '--owner', '@acme/platform');
    expect(files()).toEqual(listing);
    expect(again.stdout.join('\n')).toMatch(/already managed: "Sales Portal"/);
    expect(again.stdout.join('\n')).toMatch(/No file written\./);
  });

  test('a plain claim reading groupallowlist serves every app with a list: reported, never replaced; --check lists it', async () => {
    await post(
      '/api/v1/authorizationServers/default/claims',
      claim('legacy_groups', 'getFilteredGroups(app.profile.groupallowlist, "group.name", 40)'),
    );
    const run = await adopt('--app', 'Cost Center App', '--owner', '@acme/platform', '--dry-run');
    expect(run.stdout.join('\n')).toMatch(
      /claim "legacy_groups" \(id token\)[^]*also every other app with that profile key \("Sales Portal", "Field App"/,
    );

    const check = await adopt('--check');
    const out = check.stdout.join('\n');
    expect(check.exitCode).toBe(1);
    expect(out).toMatch(/4 app\(s\) no allow-list file manages/);
    expect(out).toMatch(/"Filter App" \(0oahandmade000000004, web\)/);
    expect(out).toMatch(/"team_groups" \(id token\) on default \(default\)/);
    expect(out).toMatch(/"legacy_groups" \(id token\) on default/);
    expect(out).not.toMatch(/"groups" \(access token\)/);
  });
});
