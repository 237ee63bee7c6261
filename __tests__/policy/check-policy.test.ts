import { checkPolicy, effectiveSettings } from '../../lib/policy/check-policy';
import { POLICY_RULES } from '../../lib/policy/rules';
import { groupsPerList } from '../../lib/policy/rules/okta-g3-groups-per-list';
import { appOf, suppressing } from './policy-fixture';

const three = { allowlist: { groups: ['Payroll A', 'Payroll B', 'Payroll C'] } };
const policy = { groups: { maxPerList: 2 } };

describe('checkPolicy', () => {
  test('every rule has a unique ID of the form OKTA-<letter><digit>, a title and an explanation', () => {
    const ids = POLICY_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of POLICY_RULES) {
      expect(rule.id).toMatch(/^OKTA-[A-Z]\d+$/);
      expect(rule.title.length).toBeGreaterThan(5);
      expect(rule.explanation.length).toBeGreaterThan(40);
    }
  });

  test('an error finding is a blocking problem tagged with its rule and level', () => {
    const { errors, warnings } = checkPolicy([appOf(three)], policy, [groupsPerList]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'a.json', level: 'error', rule: 'OKTA-G3', message: expect.stringMatching(/^\[OKTA-G3 error\] /) }),
    ]);
  });

  test('policy.json can lower a rule to a warning', () => {
    const { errors, warnings } = checkPolicy([appOf(three)], { ...policy, rules: { 'OKTA-G3': { level: 'warning' } } }, [groupsPerList]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^\[OKTA-G3 warning\] /) })]);
  });

  test('a suppression only silences its own file', () => {
    const { errors } = checkPolicy([appOf({ ...three, ...suppressing('OKTA-G3') }, 'a'), appOf(three, 'b')], policy, [groupsPerList]);
    expect(errors.map((e) => e.file)).toEqual(['b.json']);
  });

  test('a suppression that silences nothing is still listed for reviewers, with a count of 0', () => {
    const { suppressions } = checkPolicy([appOf(suppressing('OKTA-G3'))], policy, [groupsPerList]);
    expect(suppressions).toEqual([expect.objectContaining({ rule: 'OKTA-G3', silenced: 0 })]);
  });

  test('a non-configurable rule ignores policy.json settings', () => {
    const s1 = POLICY_RULES.find((rule) => rule.configurable === false)!;
    expect(effectiveSettings(s1, { rules: { [s1.id]: { level: 'warning', suppressible: true } } })).toEqual({
      level: 'error',
      suppressible: false,
    });
  });
});
