import { groupsPerList } from '../../../lib/policy/rules/okta-g3-groups-per-list';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { groups: { maxPerList: 2 } };
const three = { allowlist: { groups: ['Payroll A', 'Payroll B', 'Payroll C'] } };

describe('OKTA-G3 maximum groups per list', () => {
  test('a list at the maximum is allowed', () => {
    expect(run(groupsPerList, policy, appOf()).lines).toEqual([]);
  });

  test('a longer list is refused at the first group over the maximum', () => {
    const app = appOf(three);
    expect(run(groupsPerList, policy, app).lines).toEqual([
      expect.stringContaining(
        `${at(app, '"Payroll C"')}: [OKTA-G3 error] allowlist.groups must name at most 2 groups (policy.json, groups.maxPerList), but got 3`,
      ),
    ]);
  });

  test('suppressed', () => {
    const result = run(groupsPerList, policy, appOf({ ...three, ...suppressing('OKTA-G3') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
