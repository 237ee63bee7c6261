import { PolicyFileData } from '../../../lib/policy/policy-file';
import { groupOwners } from '../../../lib/policy/rules/okta-g2-group-owners';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy: PolicyFileData = {
  groups: {
    owners: {
      '@acme/payroll': { prefixes: ['Payroll '] },
      '@acme/finance': { prefixes: ['Finance '], groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] },
      '@acme/hr': { prefixes: ['HR '] },
    },
  },
};

describe('OKTA-G2 teams allow-list only their own groups', () => {
  test("groups under the owner's prefix, or granted by exact name or ID, are allowed", () => {
    expect(run(groupOwners, policy, appOf()).lines).toEqual([]);
    const finance = appOf({ owners: ['@acme/finance'], allowlist: { groups: ['Finance Team', 'payroll users', '00g1a2b3c4d5e6f7g8h9'] } });
    expect(run(groupOwners, policy, finance).lines).toEqual([]);
  });

  test("another team's group is refused at its entry, naming the team that owns it", () => {
    const app = appOf({ owners: ['@acme/hr'], allowlist: { groups: ['HR Partners', 'Payroll Admins'] } });
    expect(run(groupOwners, policy, app).lines).toEqual([
      `${at(app, '"Payroll Admins"')}: [OKTA-G2 error] group "Payroll Admins" must be one that @acme/hr may allow-list, but policy.json allows only groups starting with "HR ". It belongs to @acme/payroll: ask them to agree, then ask the platform team to grant it to your team in policy.json (groups.owners), or remove it from allowlist.groups`,
    ]);
  });

  test("assigned groups pass the same check: another team's group is refused at its assignments entry", () => {
    const app = appOf({
      owners: ['@acme/hr'],
      allowlist: { groups: ['HR Partners'] },
      assignments: { groups: ['HR Partners', 'Payroll Users'] },
    });
    expect(run(groupOwners, policy, app).lines).toEqual([
      `${at(app, '"Payroll Users"')}: [OKTA-G2 error] group "Payroll Users" must be one that @acme/hr may assign, but policy.json allows only groups starting with "HR ". It belongs to @acme/payroll, @acme/finance: ask them to agree, then ask the platform team to grant it to your team in policy.json (groups.owners), or remove it from assignments.groups`,
    ]);
    const own = appOf({ owners: ['@acme/hr'], allowlist: { groups: ['HR Partners'] }, assignments: { groups: ['HR Everyone'] } });
    expect(run(groupOwners, policy, own).lines).toEqual([]);
  });

  test('fromAllowlist assigns allow-list entries, which are checked once, at the allow list', () => {
    const app = appOf({ owners: ['@acme/hr'], allowlist: { groups: ['Payroll Admins'] }, assignments: { fromAllowlist: true } });
    expect(run(groupOwners, policy, app).lines).toHaveLength(1);
  });

  test('an owner missing from policy.json may allow-list nothing yet', () => {
    const app = appOf({ owners: ['@acme/newcomers'], allowlist: { groups: ['Newcomers'] } });
    expect(run(groupOwners, policy, app).lines).toEqual([expect.stringContaining("policy.json grants this file's owners no groups yet")]);
  });

  test("a dynamic list must start with one of the owner's prefixes", () => {
    const inside = appOf({ allowlist: { startsWith: 'Payroll Team ' }, claims: [{ server: 'org' }] });
    expect(run(groupOwners, policy, inside).lines).toEqual([]);
    const anywhere = appOf({ allowlist: { contains: 'Payroll' }, claims: [{ server: 'org' }] });
    expect(run(groupOwners, policy, anywhere).lines).toEqual([
      expect.stringContaining(
        `${at(anywhere, '"Payroll"')}: [OKTA-G2 error] allowlist.contains "Payroll" must select only groups that @acme/payroll owns`,
      ),
    ]);
  });

  test('a suppression with a reason silences it and is reported for reviewers', () => {
    const app = appOf({ owners: ['@acme/hr'], allowlist: { groups: ['Payroll Users'] }, ...suppressing('OKTA-G2') });
    const result = run(groupOwners, policy, app);
    expect(result.lines).toEqual([]);
    expect(result.suppressions).toEqual([
      {
        app: 'a',
        file: 'a.json',
        line: Number(at(app, '{\n      "rule"').split(':')[1]),
        rule: 'OKTA-G2',
        reason: 'Agreed with the platform team in SEC-1234',
        silenced: 1,
      },
    ]);
  });
});
