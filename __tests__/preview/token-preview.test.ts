import { join } from 'node:path';
import { AllowlistedApp } from '../../lib/constructs/allowlisted-app';
import { GroupDirectory } from '../../lib/constructs/group-directory';
import { loadProject } from '../../lib/load/load-project';
import { EnvironmentPlan } from '../../lib/plan/environment-plan';
import { appProfileOf } from '../../lib/preview/app-profile';
import { membershipsOf } from '../../lib/preview/memberships';
import { AppPreview, carriersOf, previewApp } from '../../lib/preview/token-preview';
import { allowlist, projectOf } from '../helpers/fixture';
import { synthJson } from '../helpers/synth';

const ROOT = join(__dirname, '..', '..');
const samples = loadProject({
  allowlistsDir: join(ROOT, 'allowlists'),
  environmentsFile: join(ROOT, 'stacks', 'environments.json'),
}).project!;
const samplePlan = (name: string): EnvironmentPlan => samples.plans.find((p) => p.name === name)!;

function preview(plan: EnvironmentPlan, key: string, groups: string[]): AppPreview {
  return previewApp(
    plan,
    plan.apps.find((a) => a.app.key === key)!,
    membershipsOf(groups),
  );
}

/** `server/token/claim` → the values, "absent" or "error: …". */
function summary(result: AppPreview): Record<string, unknown> {
  return Object.fromEntries(
    result.claims.map((c) => [
      `${c.server}/${c.token}/${c.claim}`,
      c.outcome.kind === 'value'
        ? c.outcome.groups.map((g) => g.value ?? `<${g.attribute} of ${g.group}>`)
        : c.outcome.kind === 'absent'
          ? 'absent'
          : `error: ${c.outcome.message}`,
    ]),
  );
}

describe('previewApp', () => {
  test('apps sharing one custom-server claim each get their OWN allow-listed groups from it', () => {
    const project = projectOf({
      'billing.json': allowlist({ allowlist: { groups: ['Billing'] }, claims: [{ server: 'default' }] }),
      'support.json': allowlist({ allowlist: { groups: ['Support', 'Billing'] }, claims: [{ server: 'default' }] }),
    });
    const dev = project.plans.find((p) => p.name === 'dev')!;
    const user = ['Support', 'Billing', 'Sales'];
    expect(summary(preview(dev, 'billing', user))).toEqual({ 'default/id/groups': ['Billing'] });
    expect(summary(preview(dev, 'support', user))).toEqual({ 'default/id/groups': ['Support', 'Billing'] });
    expect(preview(dev, 'billing', user).claims[0].requestedBy).toEqual(['billing', 'support']);
  });

  test('an app gets nothing from a shared claim it did not ask for, though the claim reads the allow list in its profile', () => {
    const project = projectOf({
      'payroll.json': allowlist({ claims: [{ server: 'org' }] }),
      'hr.json': allowlist({ allowlist: { groups: ['HR'] }, claims: [{ server: 'default', token: 'access' }] }),
      'ops.json': allowlist({ allowlist: { startsWith: 'OPS-' }, claims: [{ server: 'org' }] }),
    });
    const dev = project.plans.find((p) => p.name === 'dev')!;
    const result = preview(dev, 'payroll', ['Payroll Users', 'HR']);
    expect(summary(result)).toEqual({ 'org/id/groups': ['Payroll Users'], 'default/access/groups': 'absent' });
    expect(result.claims[1].requestedBy).toEqual(['hr']);
    expect(summary(preview(dev, 'hr', ['Payroll Users', 'HR']))).toEqual({ 'default/access/groups': ['HR'] });
    expect(summary(preview(dev, 'ops', ['HR', 'OPS-1']))).toEqual({ 'org/id/groups': ['OPS-1'], 'default/access/groups': 'absent' });
  });

  test('sample payroll in prod: org ID token, scoped access token, and nothing from the shared claims it did not ask for', () => {
    const result = preview(samplePlan('prod'), 'payroll', ['Payroll Users', '00g1a2b3c4d5e6f7g8h9', 'IT-Ops']);
    // The group given by ID is allow-listed by ID: its name is only known to Okta.
    const both = ['Payroll Users', '<name of 00g1a2b3c4d5e6f7g8h9>'];
    expect(summary(result)).toEqual({
      'org/id/groups': both,
      'default/access/groups': both,
      'default/access/it_groups': 'absent',
      'default/id/groups': 'absent',
      'partners/access/partner_groups': 'absent',
      'partners/id/partner_groups': 'absent',
    });
    const [org, access] = result.claims;
    expect(org).toMatchObject({
      endpoint: 'https://acme.okta.com/oauth2/v1',
      scopes: { all: ['openid', 'groups'] },
      expression: 'getFilteredGroups(app.profile.groupallowlist, "group.name", 3)',
    });
    expect(access).toMatchObject({
      endpoint: 'https://acme.okta.com/oauth2/default/v1',
      scopes: { all: [], oneOf: ['groups'] },
      requestedBy: ['hr-portal', 'payroll'],
    });
  });

  test('sample partner-dashboard: the ID-token claim with alwaysIncludeInToken false is at /userinfo for the code flow, unverified for refresh', () => {
    const result = preview(samplePlan('prod'), 'partner-dashboard', ['Partner Support']);
    const partners = result.claims.filter((c) => c.server === 'partners');
    expect(partners.map((c) => [c.token, c.delivery, c.scopes])).toEqual([
      ['access', undefined, { all: [], oneOf: ['groups'] }],
      [
        'id',
        [
          { flow: 'authorization_code', place: 'userinfo' },
          { flow: 'refresh_token', place: 'unverified' },
        ],
        { all: ['openid'], oneOf: ['groups'] },
      ],
    ]);
    expect(partners[0].endpoint).toBe('https://acme.okta.com/oauth2/{ID of server "Partner API"}/v1');
  });

  test('the org-server claim is not in the authorization-code ID token (thin), only in an implicit id_token alone', () => {
    const project = projectOf({
      'spa.json': allowlist({
        app: {
          label: 'SPA',
          type: 'browser',
          redirectUris: ['https://spa.example.com/cb'],
          grantTypes: ['authorization_code', 'implicit'],
        },
        claims: [{ server: 'org' }],
      }),
    });
    const org = preview(
      project.plans.find((p) => p.name === 'dev')!,
      'spa',
      ['Payroll Users'],
    ).claims[0];
    expect(org.delivery).toEqual([
      { flow: 'authorization_code', place: 'userinfo' },
      { flow: 'implicit (response_type=id_token)', place: 'id-token' },
      { flow: 'implicit (response_type=id_token token)', place: 'userinfo' },
    ]);
  });

  test('sample expenses: "group.id" on the org server yields IDs Okta knows and preview does not', () => {
    expect(summary(preview(samplePlan('prod'), 'expenses', ['Équipe Finance']))['org/id/groups']).toEqual(['<id of Équipe Finance>']);
  });

  test('sample it-tools: a user in more IT- groups than the limit of 50 gets no token at all', () => {
    const groups = Array.from({ length: 51 }, (_, i) => `IT-${i}`);
    const result = summary(preview(samplePlan('dev'), 'it-tools', groups));
    expect(result['org/id/groups']).toMatch(/^error: The groups claim matched too many groups.*matched 51 groups, but its limit is 50/);
    expect(result['default/access/it_groups']).toMatch(/^error: .*matched 51 groups/);
    expect(summary(preview(samplePlan('dev'), 'it-tools', groups.slice(0, 50)))['org/id/groups']).toHaveLength(50);
  });

  test('sample it-tools: a group matching "IT-" only without case gets both outcomes, as Okta has not settled case', () => {
    const result = preview(samplePlan('dev'), 'it-tools', ['IT-Helpdesk', 'it-lab']);
    const org = result.claims.find((c) => c.server === 'org')!;
    expect(summary(result)['org/id/groups']).toEqual(['IT-Helpdesk']);
    expect(org.outcomeIfCaseIgnored).toEqual({
      kind: 'value',
      groups: [expect.objectContaining({ value: 'IT-Helpdesk' }), expect.objectContaining({ value: 'it-lab' })],
    });
    expect(preview(samplePlan('dev'), 'it-tools', ['IT-Helpdesk']).claims.every((c) => c.outcomeIfCaseIgnored === undefined)).toBe(true);
  });

  test('empty membership: every claim is left out', () => {
    const result = preview(samplePlan('prod'), 'hr-portal', []);
    expect(result.claims.length).toBeGreaterThan(0);
    expect(result.claims.every((c) => c.outcome.kind === 'absent')).toBe(true);
  });
});

describe('may sign in', () => {
  const dev = projectOf({
    'a.json': allowlist({ assignments: { groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] } }),
    'b.json': allowlist(),
  }).plans.find((p) => p.name === 'dev')!;

  test('yes through an assigned group, no without one: Okta lets only assigned users sign in', () => {
    expect(preview(dev, 'a', ['Payroll Users', 'Sales']).signIn).toEqual({ kind: 'yes', via: ['Payroll Users'] });
    expect(preview(dev, 'a', ['00g1a2b3c4d5e6f7g8h9']).signIn).toEqual({ kind: 'yes', via: ['00g1a2b3c4d5e6f7g8h9'] });
    expect(preview(dev, 'a', ['Payroll Admins']).signIn).toMatchObject({ kind: 'unknown' });
  });

  test('no when the assigned groups are all names and the user holds none of them', () => {
    const names = projectOf({ 'a.json': allowlist({ assignments: { fromAllowlist: true } }) }).plans.find((p) => p.name === 'dev')!;
    expect(preview(names, 'a', ['Sales']).signIn).toEqual({ kind: 'no', assigned: ['Payroll Admins', 'Payroll Users'] });
    expect(preview(names, 'a', ['Payroll Admins']).signIn).toEqual({ kind: 'yes', via: ['Payroll Admins'] });
  });

  test('unknown when the file does not manage assignments', () => {
    expect(preview(dev, 'b', ['Payroll Users']).signIn).toMatchObject({
      kind: 'unknown',
      reason: expect.stringContaining("does not manage the app's assignments"),
    });
  });
});

describe('carriersOf', () => {
  const rows = (plans: EnvironmentPlan[], group: string) =>
    carriersOf(plans, membershipsOf([group])[0]).carriers.map(
      (c) => `${c.environment} ${c.app} ${c.claim.server}/${c.claim.token}/${c.claim.claim}`,
    );

  test('lists every app, server, token and claim that would carry the group, across environments', () => {
    // Only the claims partner-dashboard's file asks for: the default server's claims serve it nothing.
    expect(rows([...samples.plans], 'Partner Managers')).toEqual([
      'prod partner-dashboard partners/access/partner_groups',
      'prod partner-dashboard partners/id/partner_groups',
    ]);
  });

  test('a group matched by a dynamic pattern is carried only where the pattern applies', () => {
    expect(rows([samplePlan('dev')], 'IT-Helpdesk')).toEqual(['dev it-tools org/id/groups', 'dev it-tools default/access/it_groups']);
  });

  test('a group no allow list names is carried nowhere', () => {
    expect(rows([...samples.plans], 'Sales')).toEqual([]);
  });
});

test('the preview profile has the keys and values synthesis writes on each sample app', () => {
  for (const plan of samples.plans) {
    for (const planned of plan.apps) {
      const json = synthJson((scope) => {
        const shard = plan.shards.find((s) => s.apps.includes(planned))!;
        const directory = new GroupDirectory(scope, 'groups', { environment: plan.name, batches: shard.groupBatches });
        new AllowlistedApp(scope, 'app', { ...planned, directory });
      });
      const synthesized: string = json.resource.okta_app_oauth[planned.app.key].profile ?? '';
      const scalars = Object.fromEntries(
        [...synthesized.matchAll(/(\w+) = (\d+\b|true\b|"(?:[^"\\]|\\.)*")/g)].map(([, key, value]) => [
          key,
          value === 'true' ? true : value.startsWith('"') ? JSON.parse(value) : Number(value),
        ]),
      );
      const keys = [...synthesized.matchAll(/(?:\{ |, )(\w+) = /g)].map(([, key]) => key);
      const profile = appProfileOf(planned);
      expect(keys).toEqual(Object.keys(profile));
      expect(scalars).toEqual(Object.fromEntries(Object.entries(profile).filter(([, v]) => !Array.isArray(v))));
    }
  }
});

describe('server access in the preview', () => {
  test('per server the app asks for claims: managed says yes once applied with its assumption, verified names the checked policies', () => {
    expect(preview(samplePlan('prod'), 'partner-dashboard', []).access).toEqual([
      {
        server: 'partners',
        verdict: 'yes',
        text: expect.stringMatching(
          /^yes, once applied: the managed access policy "Allow-listed apps" admits it \(assuming the app exists in Okta already/,
        ),
      },
    ]);
    expect(preview(samplePlan('prod'), 'payroll', []).access).toEqual([
      {
        server: 'default',
        verdict: 'checked',
        text: 'verified: checked at plan time against "Default Policy" (the plan fails when none admits it)',
      },
    ]);
  });
});
