import { appsPerOwner } from '../../../lib/policy/rules/okta-o1-apps-per-owner';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { apps: { maxPerOwner: 2 } };

describe('OKTA-O1 maximum apps per owner', () => {
  test('an owner at the maximum is fine', () => {
    expect(run(appsPerOwner, policy, appOf({}, 'a'), appOf({}, 'b')).lines).toEqual([]);
  });

  test("over the maximum, each of the owner's files gets a warning at the owner, listing the apps", () => {
    const apps = ['a', 'b', 'c'].map((key) => appOf({}, key));
    const result = run(appsPerOwner, policy, ...apps);
    expect(result.errors).toEqual([]);
    expect(result.lines).toEqual(
      apps.map(
        (app) =>
          `${at(app, '"@acme/payroll"')}: [OKTA-O1 warning] @acme/payroll must own at most 2 apps (policy.json, apps.maxPerOwner), but owns 3: a, b, c. Hand some apps to the team that runs them, or suppress this rule with the reason the platform team agreed`,
      ),
    );
  });

  test("a file that suppresses it is not counted, so the owner's other apps pass", () => {
    const result = run(appsPerOwner, policy, appOf({}, 'a'), appOf({}, 'b'), appOf(suppressing('OKTA-O1'), 'c'));
    expect(result.lines).toEqual([]);
    expect(result.suppressions).toEqual([expect.objectContaining({ app: 'c', rule: 'OKTA-O1', silenced: 1 })]);
  });

  test('policy.json can raise it to an error', () => {
    const result = run(
      appsPerOwner,
      { ...policy, rules: { 'OKTA-O1': { level: 'error' } } },
      ...['a', 'b', 'c'].map((key) => appOf({}, key)),
    );
    expect(result.errors).toHaveLength(3);
    expect(result.errors[0]).toMatchObject({ level: 'error', rule: 'OKTA-O1', message: expect.stringMatching(/^\[OKTA-O1 error\] /) });
  });
});
