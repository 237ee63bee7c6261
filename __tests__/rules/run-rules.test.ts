import { POLICY_RULES } from '../../lib/policy/rules';
import { groupsPerList } from '../../lib/policy/rules/okta-g3-groups-per-list';
import { claimsAreUnique } from '../../lib/rules/claims-are-unique';
import { checkFiles, effectiveSettings } from '../../lib/rules/run-rules';
import { appOf, checkPolicyPack, ENVIRONMENTS, suppressing } from '../policy/policy-fixture';

const three = { allowlist: { groups: ['Payroll A', 'Payroll B', 'Payroll C'] } };
const policy = { groups: { maxPerList: 2 } };

describe('checkFiles', () => {
  test('an error finding is a blocking problem tagged with its rule and level', () => {
    const { errors, warnings } = checkPolicyPack([appOf(three)], policy, [groupsPerList]);
    expect(warnings).toEqual([]);
    expect(errors).toEqual([
      expect.objectContaining({ file: 'a.json', level: 'error', rule: 'OKTA-G3', message: expect.stringMatching(/^\[OKTA-G3 error\] /) }),
    ]);
  });

  test('policy.json can lower a rule to a warning', () => {
    const { errors, warnings } = checkPolicyPack([appOf(three)], { ...policy, rules: { 'OKTA-G3': { level: 'warning' } } }, [
      groupsPerList,
    ]);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^\[OKTA-G3 warning\] /) })]);
  });

  test('a suppression only silences its own file', () => {
    const { errors } = checkPolicyPack([appOf({ ...three, ...suppressing('OKTA-G3') }, 'a'), appOf(three, 'b')], policy, [groupsPerList]);
    expect(errors.map((e) => e.file)).toEqual(['b.json']);
  });

  test('a suppression that silences nothing is still listed for reviewers, with a count of 0', () => {
    const { suppressions } = checkPolicyPack([appOf(suppressing('OKTA-G3'))], policy, [groupsPerList]);
    expect(suppressions).toEqual([expect.objectContaining({ rule: 'OKTA-G3', silenced: 0 })]);
  });

  test('a non-configurable rule ignores policy.json settings', () => {
    const s1 = POLICY_RULES.find((rule) => rule.configurable === false)!;
    expect(effectiveSettings(s1, { rules: { [s1.id]: { level: 'warning', suppressible: true } } })).toEqual({
      level: 'error',
      suppressible: false,
    });
  });

  test('a built-in finding keeps its message, is an error tagged with its rule, and cannot be suppressed', () => {
    const twice = { claims: [{ server: 'org' }, { server: 'org' }], ...suppressing('claims-are-unique') };
    const { errors, warnings, suppressions } = checkFiles([appOf(twice)], {
      environments: ENVIRONMENTS,
      policy: { rules: {} },
      builtIn: [claimsAreUnique],
      policyPack: [],
    });
    expect(errors).toEqual([
      expect.objectContaining({
        level: 'error',
        rule: 'claims-are-unique',
        message: expect.stringMatching(/^claims\[1\] repeats claims\[0\]/),
      }),
    ]);
    expect(warnings).toEqual([]);
    expect(suppressions).toEqual([]);
  });

  test('without a policy file only the built-in pack runs', () => {
    const { errors } = checkFiles([appOf(three)], { environments: ENVIRONMENTS, builtIn: [], policyPack: [groupsPerList] });
    expect(errors).toEqual([]);
  });
});
