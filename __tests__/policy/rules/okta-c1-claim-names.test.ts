import { claimNames } from '../../../lib/policy/rules/okta-c1-claim-names';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { claims: { names: ['groups', '*_groups'] } };

describe('OKTA-C1 allowed claim names', () => {
  test('a listed name and a name matching a pattern are allowed', () => {
    expect(run(claimNames, policy, appOf({ claims: [{ server: 'org' }, { server: 'default', name: 'payroll_groups' }] })).lines).toEqual(
      [],
    );
  });

  test('another name is refused at the claim name', () => {
    const app = appOf({ claims: [{ server: 'org' }, { server: 'default', name: 'roles' }] });
    expect(run(claimNames, policy, app).lines).toEqual([
      `${at(app, '"roles"')}: [OKTA-C1 error] claim name "roles" is not allowed: policy.json (claims.names) allows "groups", "*_groups". Rename the claim`,
    ]);
  });

  test('a defaulted name that the policy does not allow is reported at the claim, saying it is the default', () => {
    const app = appOf({ claims: [{ server: 'org' }] });
    expect(run(claimNames, { claims: { names: ['app_groups'] } }, app).lines).toEqual([
      `${at(app, '{\n      "server": "org"')}: [OKTA-C1 error] claim name "groups" (the default) is not allowed: policy.json (claims.names) allows "app_groups". Set "name" to one of them`,
    ]);
  });

  test('suppressed', () => {
    const result = run(claimNames, policy, appOf({ claims: [{ server: 'org', name: 'roles' }], ...suppressing('OKTA-C1') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
