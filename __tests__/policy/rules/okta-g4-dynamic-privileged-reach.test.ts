import { dynamicPrivilegedReach } from '../../../lib/policy/rules/okta-g4-dynamic-privileged-reach';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { groups: { forbidden: { patterns: ['*Admin*', 'Okta *'] } } };

describe('OKTA-G4 dynamic lists that can reach privileged groups', () => {
  test('a pattern that cannot meet any privileged pattern is allowed', () => {
    expect(
      run(dynamicPrivilegedReach, { groups: { forbidden: { patterns: ['Okta *'] } } }, appOf({ allowlist: { startsWith: 'IT-' } })).lines,
    ).toEqual([]);
  });

  test("static lists are OKTA-G1's: not checked here", () => {
    expect(run(dynamicPrivilegedReach, policy, appOf({ allowlist: { groups: ['Payroll Users'] } })).lines).toEqual([]);
  });

  test('a prefix whose free part can spell a privileged name is reported, with such a name', () => {
    const app = appOf({ allowlist: { startsWith: 'IT-' } });
    expect(run(dynamicPrivilegedReach, policy, app).lines).toEqual([
      expect.stringContaining(
        `${at(app, '"IT-"')}: [OKTA-G4 warning] allowlist.startsWith "IT-" must not reach privileged groups, but a group named like "it-admin" (it matches "*Admin*"`,
      ),
    ]);
  });

  test('endsWith and contains are checked the same way', () => {
    expect(run(dynamicPrivilegedReach, policy, appOf({ allowlist: { endsWith: '-Ops' } })).lines).toEqual([
      expect.stringMatching(/allowlist\.endsWith "-Ops" must not reach privileged groups/),
    ]);
    expect(run(dynamicPrivilegedReach, policy, appOf({ allowlist: { contains: 'Ops' } })).lines).toHaveLength(1);
  });

  test('policy.json can make it blocking', () => {
    const blocking = { ...policy, rules: { 'OKTA-G4': { level: 'error' as const } } };
    expect(run(dynamicPrivilegedReach, blocking, appOf({ allowlist: { startsWith: 'IT-' } })).lines).toEqual([
      expect.stringContaining('[OKTA-G4 error]'),
    ]);
  });

  test('suppressed', () => {
    const result = run(dynamicPrivilegedReach, policy, appOf({ allowlist: { startsWith: 'IT-' }, ...suppressing('OKTA-G4') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
