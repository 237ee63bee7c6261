import { RunningEmulator } from '../emulator';
import { appsByLabel, startOrg } from './harness/org';
import { changesOf, oneLine, planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Server access with the real Terraform and provider: a managed access policy admits exactly the
 * apps that ask its server for claims (a new app from the apply after the one that creates it),
 * a verified server stops the plan (or, for a new app, the apply) when no checked policy admits
 * the app, and a declared existing scope the server lacks stops the plan. Admission is decided by
 * the emulator's evaluation of the stored policies and rules (`canIssueToken`).
 */
const PARTNERS = 'Partner API';
const LOCKED = 'Locked API';
const OTHER_CLIENT = '0oaOTHERCLIENT000001';

const partnerApp = (label: string, server: string) =>
  webApp(label, ['Partner Managers'], 'partners', { claims: [{ server, token: 'access', scopes: ['groups'] }] });

describe('server access', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const serverId = (name: string) => String(org.state.servers().find((s) => s.name === name)?.id);
  const appId = (label: string) => String(appsByLabel(org).get(label)?.id);
  const tokenFor = (server: string, label: string) =>
    org.state.canIssueToken(serverId(server), {
      clientId: appId(label),
      grantType: 'authorization_code',
      scopes: ['openid', 'groups'],
      groupIds: [],
    });

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, {
      strict: { claimScopesMustExist: true },
      seed: {
        groups: [...SMALL_GROUPS],
        authServers: [
          // No access policy at all: no client gets a token until one admits it.
          { name: PARTNERS },
          // A policy for someone else's client only.
          {
            name: LOCKED,
            scopes: [{ name: 'groups' }],
            policies: [{ name: 'Others only', conditions: { clients: { include: [OTHER_CLIENT] } }, rules: [] }],
          },
        ],
        apps: [{ id: OTHER_CLIENT, label: 'Not Ours' }],
      },
    });
    workspace = Workspace.of(
      { dev: org.env('https-proxy') },
      devEnvironments((dev) => {
        dev.authorizationServers = {
          default: { id: 'default', manageGroupsScope: true, access: { mode: 'verified' } },
          partners: { lookupName: PARTNERS, manageGroupsScope: true, access: { mode: 'managed' } },
        };
      }),
      {
        'partner-portal': partnerApp('Partner Portal', 'partners'),
        payroll: webApp('Payroll Portal', ['Payroll Admins']),
      },
    );
    workspace.synth();
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('managed: a new app is refused after the apply that creates it and admitted by the next apply of the shared stack', async () => {
    // As the apply job does: every stack is planned before any is applied.
    const stacks = workspace.stacks('dev');
    for (const stack of stacks) {
      const plan = await workspace.plan(stack);
      if (plan.code !== 2) throw new Error(`plan of ${stack}: ${plan.code}\n${plan.stderr}`);
    }
    for (const stack of stacks) expect((await workspace.apply(stack)).code).toBe(0);
    expect(tokenFor(PARTNERS, 'Partner Portal')).toMatchObject({ admitted: false, reason: expect.stringMatching(/^no_matching_policy/) });

    const second = await planAndApply(workspace, 'dev--shared');
    expect(changesOf(second.plan)).toEqual({
      'okta_auth_server_policy.partners_access[0]': 'create',
      'okta_auth_server_policy_rule.partners_access[0]': 'create',
    });
    expect(tokenFor(PARTNERS, 'Partner Portal')).toEqual({ admitted: true, policy: 'Allow-listed apps', rule: 'Allow-listed apps' });
    const [policy] = org.state.policies(serverId(PARTNERS));
    expect(policy).toMatchObject({ name: 'Allow-listed apps', conditions: { clients: { include: [appId('Partner Portal')] } } });
    const [rule] = policy.rules as { conditions: { grantTypes: { include: string[] }; scopes: { include: string[] } } }[];
    expect(rule.conditions.grantTypes.include).toEqual(['authorization_code']);
    expect([...rule.conditions.scopes.include].sort()).toEqual(['email', 'groups', 'openid', 'profile']);
    // Only the apps that ask: an app this repository does not manage is not admitted, and nothing else changes.
    expect(
      org.state.canIssueToken(serverId(PARTNERS), { clientId: OTHER_CLIENT, grantType: 'authorization_code', scopes: ['openid'] }).admitted,
    ).toBe(false);
    expect((await workspace.plan('dev--shared')).code).toBe(0);
  });

  test("verified: the default server's Default Policy (all clients) admits the app, and the plan passes", async () => {
    expect(tokenFor('default', 'Payroll Portal')).toMatchObject({ admitted: true, policy: 'Default Policy' });
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test('verified: an app no checked policy admits fails its apply when new and every plan after, naming the file and the policies seen', async () => {
    workspace.writeEnvironments(
      devEnvironments((dev) => {
        dev.authorizationServers = {
          default: { id: 'default', manageGroupsScope: true, access: { mode: 'verified' } },
          partners: { lookupName: PARTNERS, manageGroupsScope: true, access: { mode: 'managed' } },
          locked: { lookupName: LOCKED, existingScopes: ['groups'], access: { mode: 'verified', checkPolicies: ['Others only'] } },
        };
      }),
    );
    workspace.write('locked-tool', partnerApp('Locked Tool', 'locked'));
    workspace.synth();
    const plan = await workspace.plan('dev--partners');
    expect(plan.code).toBe(2);
    const apply = await workspace.apply('dev--partners');
    expect(apply.code).toBe(1);
    const expected =
      /Every app that asks authorization server "locked" for claims in environment "dev" must be admitted by one of its access policies "Others only" \(access mode "verified" in stacks\/environments.json\), but \S*allowlists\/locked-tool.json \(client 0oa\w+\) is not: .* The policies seen: "Others only" admits 0oaOTHERCLIENT000001\./;
    expect(oneLine(apply.stderr)).toMatch(expected);
    expect(appId('Locked Tool')).toMatch(/^0oa/);
    expect(tokenFor(LOCKED, 'Locked Tool').admitted).toBe(false);
    const again = await workspace.plan('dev--partners');
    expect(again.code).toBe(1);
    expect(oneLine(again.stderr)).toMatch(expected);
  });

  test('a declared existing scope the server lacks stops the plan naming the environments file', async () => {
    workspace.remove('locked-tool');
    workspace.writeEnvironments(
      devEnvironments((dev) => {
        dev.authorizationServers = {
          default: { id: 'default', manageGroupsScope: true, access: { mode: 'verified' } },
          partners: { lookupName: PARTNERS, existingScopes: ['groups', 'partner.read'], access: { mode: 'managed' } },
        };
      }),
    );
    workspace.synth();
    const plan = await workspace.plan('dev--shared');
    expect(plan.code).toBe(1);
    expect(oneLine(plan.stderr)).toMatch(
      /Every scope in environments\.dev\.authorizationServers\.partners\.existingScopes of the environments file \(stacks\/environments\.json\) must exist on authorization server "partners" in Okta, but it has no partner\.read\./,
    );
  });
});
