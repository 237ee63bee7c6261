import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RunningEmulator } from '../emulator';
import { Json } from '../emulator/types';
import { appsByLabel, groupIdsByName, profileOf, startOrg } from './harness/org';
import { issuedClaims } from './harness/tokens';
import { changesOf, planAndApply, Workspace } from './harness/workspace';
import { ORG_HOSTS, sampleOrg } from './fixtures/sample-org';

type JsonObject = Record<string, Json>;

/**
 * The shipped samples, each environment on its own emulated org, through the provider's real
 * HTTP client: first apply, then Okta's state compared with the files and with what synthesis
 * wrote; the second apply admits every app to the servers it asks for claims (managed access
 * policies read the client IDs the first apply recorded), then a plan must be empty. The org
 * refuses claim scopes its servers lack, as Okta can.
 */
describe.each(['dev', 'prod'] as const)('the sample allow lists in %s', (environment) => {
  let org: RunningEmulator;
  let workspace: Workspace;

  beforeAll(async () => {
    org = await startOrg(ORG_HOSTS[environment], { seed: sampleOrg(environment), strict: { claimScopesMustExist: true } });
    workspace = Workspace.fromSamples({ [environment]: org.env('https-proxy') });
    workspace.synth();
    for (const stack of workspace.stacks(environment)) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  const synthesized = (stack: string): JsonObject =>
    JSON.parse(readFileSync(join(workspace.stackDir(stack), 'cdk.tf.json'), 'utf8')) as JsonObject;
  const filesIn = (): Array<{ key: string; file: JsonObject }> =>
    ['expenses', 'hr-portal', 'it-tools', 'partner-dashboard', 'payroll']
      .map((key) => ({ key, file: workspace.read(key) as JsonObject }))
      .filter(({ file }) => !file.environments || (file.environments as string[]).includes(environment));

  test('every app of the files exists with its label, type and redirect URIs', () => {
    const apps = appsByLabel(org);
    for (const { key, file } of filesIn()) {
      const spec = file.app as JsonObject;
      const app = apps.get(spec.label as string);
      expect({ key, found: Boolean(app) }).toEqual({ key, found: true });
      const oauth = ((app!.settings as JsonObject).oauthClient ?? {}) as JsonObject;
      expect(oauth.application_type).toBe(spec.type);
      expect(oauth.redirect_uris).toEqual(spec.redirectUris);
      expect(((app!.settings as JsonObject).oauthClient as JsonObject).grant_types).toEqual(spec.grantTypes);
    }
  });

  test("static allow lists are in each profile as group IDs, in the file's order, with the limit", () => {
    const ids = groupIdsByName(org);
    const apps = appsByLabel(org);
    for (const { file } of filesIn()) {
      const list = file.allowlist as JsonObject;
      const profile = profileOf(apps.get((file.app as JsonObject).label as string)!);
      if (!list.groups) {
        expect(profile.groupallowlist).toBeUndefined();
        continue;
      }
      const expected = (list.groups as string[]).map((entry) => (entry.startsWith('00g') ? entry : ids.get(entry)));
      expect(profile.groupallowlist).toEqual(expected);
      expect(profile.groupallowlistlimit).toBe(expected.length);
    }
  });

  test('each org-server claim is on its app with the expression synthesis wrote', () => {
    const apps = appsByLabel(org);
    for (const { key, file } of filesIn()) {
      const app = apps.get((file.app as JsonObject).label as string)!;
      const stack = workspace
        .stacks(environment)
        .find(
          (s) =>
            (synthesized(s).resource as JsonObject | undefined)?.okta_app_oauth &&
            key in ((synthesized(s).resource as JsonObject).okta_app_oauth as JsonObject),
        )!;
      const written = (((synthesized(stack).resource as JsonObject).okta_app_oauth as JsonObject)[key] as JsonObject).groups_claim as
        JsonObject | undefined;
      const claim = org.state.groupsClaim(app.id as string) as JsonObject | undefined;
      if (!written) {
        expect({ key, claim: claim?.name ?? null }).toEqual({ key, claim: null });
        continue;
      }
      expect({ key, name: claim?.name, value: claim?.value }).toEqual({ key, name: written.name, value: written.value });
    }
  });

  test('custom servers hold exactly one claim per (server, name, token), with the expression synthesis wrote', () => {
    const shared = synthesized(`${environment}--shared`);
    const written = Object.values(((shared.resource as JsonObject).okta_auth_server_claim ?? {}) as Record<string, JsonObject>);
    const servers = org.state.servers() as JsonObject[];
    const serverIdOf = (reference: string): string =>
      reference.startsWith('${') ? (servers.find((s) => s.name === 'Partner API')!.id as string) : reference;
    const actual = servers.flatMap((server) =>
      (org.state.claims(server.id as string) as JsonObject[])
        .filter((c) => c.valueType === 'EXPRESSION' && !c.system)
        .map((c) => ({ server: server.id, name: c.name, type: c.claimType, value: c.value })),
    );
    const expected = written.map((c) => ({
      server: serverIdOf(c.auth_server_id as string),
      name: c.name,
      type: c.claim_type,
      value: c.value,
    }));
    const order = (list: Array<Record<string, unknown>>) => [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(order(actual)).toEqual(order(expected));
  });

  test('a user gets exactly the allow-listed groups they hold, evaluated from what Okta stores', () => {
    const apps = appsByLabel(org);
    const alice = ['Payroll Admins', 'payroll admins', 'Payroll Admins (EMEA)', 'Payroll Users', 'IT-Helpdesk', 'it-lowercase'];
    const claimsOf = (label: string) =>
      issuedClaims(org, apps.get(label)!.id as string, alice).map(
        (c) => `${c.server}/${c.token}/${c.name}: ${c.groups?.join(', ') ?? c.error}`,
      );
    expect(claimsOf('Payroll Portal')).toEqual(
      expect.arrayContaining(['org/id/groups: Payroll Admins, Payroll Users', 'default/access/groups: Payroll Admins, Payroll Users']),
    );
    // The dynamic claim serves only the app that opted into its pattern, and is case-sensitive.
    expect(claimsOf('IT Tools')).toEqual(expect.arrayContaining(['org/id/groups: IT-Helpdesk', 'default/access/it_groups: IT-Helpdesk']));
    expect(claimsOf('Payroll Portal').filter((c) => c.includes('it_groups'))).toEqual([]);
  });

  test('the second apply creates only the managed access policies, which admit every app to the servers it asks for claims', async () => {
    const environments = JSON.parse(readFileSync(join(__dirname, '..', 'stacks', 'environments.json'), 'utf8')) as JsonObject;
    const servers = ((environments.environments as JsonObject)[environment] as JsonObject).authorizationServers as Record<
      string,
      JsonObject
    >;
    const managed = Object.keys(servers).filter((name) => (servers[name].access as JsonObject | undefined)?.mode === 'managed');
    const second = await planAndApply(workspace, `${environment}--shared`);
    expect(Object.keys(changesOf(second.plan)).sort()).toEqual(
      managed.flatMap((name) => [`okta_auth_server_policy.${name}_access[0]`, `okta_auth_server_policy_rule.${name}_access[0]`]).sort(),
    );
    const serverIds = new Map(org.state.servers().map((s) => [s.name, String(s.id)]));
    const apps = appsByLabel(org);
    for (const { key, file } of filesIn()) {
      const app = apps.get((file.app as JsonObject).label as string)!;
      const clientId = String(((app.credentials as JsonObject).oauthClient as JsonObject).client_id);
      for (const claim of (file.claims as JsonObject[]).filter((c) => c.server !== 'org')) {
        const server = servers[claim.server as string];
        const id = (server.id as string | undefined) ?? serverIds.get(server.lookupName as string)!;
        const scopes = ['openid', ...((claim.scopes as string[] | undefined) ?? [])];
        const admission = org.state.canIssueToken(id, { clientId, grantType: 'authorization_code', scopes, groupIds: [] });
        expect({ key, server: claim.server, admitted: admission.admitted }).toEqual({ key, server: claim.server, admitted: true });
      }
    }
  });

  test('then a plan of every stack is empty', async () => {
    for (const stack of workspace.stacks(environment)) {
      const plan = await workspace.plan(stack);
      expect({ stack, code: plan.code, log: plan.code === 0 ? '' : plan.stderr }).toEqual({ stack, code: 0, log: '' });
    }
  });
});
