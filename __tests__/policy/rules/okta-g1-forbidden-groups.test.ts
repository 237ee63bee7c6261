import { forbiddenGroups } from '../../../lib/policy/rules/okta-g1-forbidden-groups';
import { PolicyFileData } from '../../../lib/policy/policy-file';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy: PolicyFileData = {
  rules: {},
  groups: {
    forbidden: { names: ['Everyone'], patterns: ['*Admin*'] },
    owners: { '@acme/payroll': { prefixes: ['Payroll '], groups: ['Payroll Admins'] } },
  },
};

describe('OKTA-G1 forbidden and privileged groups', () => {
  test('a privileged group granted to the owner by exact name is allowed', () => {
    expect(run(forbiddenGroups, policy, appOf()).lines).toEqual([]);
  });

  test('a forbidden name is refused at its entry, ignoring case', () => {
    const app = appOf({ allowlist: { groups: ['Payroll Users', 'EVERYONE'] } });
    expect(run(forbiddenGroups, policy, app).lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${at(app, '"EVERYONE"')}: \\[OKTA-G1 error\\] group "EVERYONE" must not be allow-listed: .*Remove it from allowlist.groups$`,
        ),
      ),
    ]);
  });

  test('a privileged group granted only through a prefix is refused and says how to get it granted', () => {
    const app = appOf({ allowlist: { groups: ['Payroll Super Admins'] } });
    const [line] = run(forbiddenGroups, policy, app).lines;
    expect(line).toContain(`${at(app, '"Payroll Super Admins"')}: [OKTA-G1 error] group "Payroll Super Admins" must not be allow-listed`);
    expect(line).toMatch(/matches "\*Admin\*".*grant "Payroll Super Admins" by its exact name to @acme\/payroll/);
  });

  test('a dynamic list whose pattern is privileged is refused', () => {
    const app = appOf({ allowlist: { contains: 'Admin' }, claims: [{ server: 'org' }] });
    expect(run(forbiddenGroups, policy, app).lines).toEqual([
      expect.stringContaining(`${at(app, '"Admin"')}: [OKTA-G1 error] allowlist.contains "Admin" must not select forbidden groups`),
    ]);
  });

  test('a dynamic list that would select a forbidden name is refused', () => {
    const app = appOf({ allowlist: { startsWith: 'every' }, claims: [{ server: 'org' }] });
    expect(run(forbiddenGroups, policy, app).lines).toEqual([
      expect.stringContaining('would include "Everyone", which no app may receive'),
    ]);
  });

  test('a dynamic pattern that spells the start of a privileged glob is refused, with an example name', () => {
    const app = appOf({ allowlist: { startsWith: 'Payroll Ad' }, claims: [{ server: 'org' }] });
    expect(run(forbiddenGroups, policy, app).lines).toEqual([
      expect.stringContaining(
        `${at(app, '"Payroll Ad"')}: [OKTA-G1 error] allowlist.startsWith "Payroll Ad" must not select forbidden groups, but it would include a group named like "payroll admin", which matches "*Admin*"`,
      ),
    ]);
  });

  test.each([
    ['endsWith', 'dmins'],
    ['contains', 'k Gla'],
  ])('%s %p meeting a privileged glob is refused', (match, pattern) => {
    const strict: PolicyFileData = { ...policy, groups: { forbidden: { patterns: ['*Admins', '*Break Glass*'] } } };
    const app = appOf({ allowlist: { [match]: pattern }, claims: [{ server: 'org' }] });
    expect(run(forbiddenGroups, strict, app).lines).toEqual([expect.stringContaining('must not select forbidden groups')]);
  });

  test('a pattern whose text cannot meet any privileged glob passes ("IT-" reaches "IT-Admins" only through the free part every dynamic list has)', () => {
    const strict: PolicyFileData = { ...policy, groups: { forbidden: { patterns: ['*Admin*', 'Okta *'] } } };
    expect(run(forbiddenGroups, strict, appOf({ allowlist: { startsWith: 'IT-' }, claims: [{ server: 'org' }] })).lines).toEqual([]);
    expect(run(forbiddenGroups, strict, appOf({ allowlist: { startsWith: 'Payroll' }, claims: [{ server: 'org' }] })).lines).toEqual([]);
    expect(run(forbiddenGroups, strict, appOf({ allowlist: { startsWith: 'Ok' }, claims: [{ server: 'org' }] })).lines).toEqual([
      expect.stringContaining('matches "Okta *"'),
    ]);
  });

  test('a suppression silences it when policy.json allows suppressing it', () => {
    const result = run(forbiddenGroups, policy, appOf({ allowlist: { groups: ['Everyone'] }, ...suppressing('OKTA-G1') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions).toEqual([expect.objectContaining({ app: 'a', rule: 'OKTA-G1', silenced: 1 })]);
  });

  test('marked non-suppressible, the suppression silences nothing', () => {
    const strict: PolicyFileData = { ...policy, rules: { 'OKTA-G1': { suppressible: false } } };
    const result = run(forbiddenGroups, strict, appOf({ allowlist: { groups: ['Everyone'] }, ...suppressing('OKTA-G1') }));
    expect(result.lines).toEqual([expect.stringContaining('[OKTA-G1 error] group "Everyone"')]);
    expect(result.suppressions).toEqual([]);
  });
});
