import { formatProblem } from '../../../lib/load/problem';
import { validSuppressions } from '../../../lib/policy/rules/okta-s1-valid-suppressions';
import { groupsPerList } from '../../../lib/policy/rules/okta-g3-groups-per-list';
import { PolicyFileData } from '../../../lib/policy/policy-file';
import { appOf, at, checkPolicyPack } from '../policy-fixture';

const pack = [groupsPerList, validSuppressions];
const reason = 'Agreed with the platform team in SEC-1234';
const linesOf = (policy: PolicyFileData, suppressions: unknown[]) => {
  const app = appOf({ suppressions });
  return { app, lines: checkPolicyPack([app], policy, pack).errors.map(formatProblem) };
};

describe('OKTA-S1 suppressions name real, suppressible rules', () => {
  test('a suppression of a known, suppressible rule is accepted', () => {
    expect(linesOf({}, [{ rule: 'OKTA-G3', reason }]).lines).toEqual([]);
  });

  test('an unknown rule ID is an error at the ID, suggesting the nearest one', () => {
    const { app, lines } = linesOf({}, [{ rule: 'OKTA-G4', reason }]);
    expect(lines).toEqual([
      `${at(app, '"OKTA-G4"')}: [OKTA-S1 error] suppressions[0].rule must be a rule ID such as "OKTA-G2", but got "OKTA-G4": did you mean "OKTA-G3"? See docs/policy.md for the list`,
    ]);
  });

  test('a rule policy.json marks non-suppressible cannot be suppressed', () => {
    const { lines } = linesOf({ rules: { 'OKTA-G3': { suppressible: false } } }, [{ rule: 'OKTA-G3', reason }]);
    expect(lines).toEqual([
      expect.stringContaining('[OKTA-S1 error] rule OKTA-G3 cannot be suppressed: policy.json marks it non-suppressible'),
    ]);
  });

  test('a built-in rule cannot be suppressed', () => {
    const { app, lines } = linesOf({}, [{ rule: 'claims-are-unique', reason }]);
    expect(lines).toEqual([
      `${at(app, '"claims-are-unique"')}: [OKTA-S1 error] rule claims-are-unique is built in and cannot be suppressed: what it reports would fail in Okta, the provider or this repository. Fix it instead (see docs/rules.md)`,
    ]);
  });

  test('the same rule suppressed twice is an error at the second entry', () => {
    const { lines } = linesOf({}, [
      { rule: 'OKTA-G3', reason },
      { rule: 'OKTA-G3', reason: 'And another reason' },
    ]);
    expect(lines).toEqual([expect.stringContaining('rule OKTA-G3 is suppressed twice')]);
  });

  test('it cannot suppress itself, nor be reconfigured in policy.json', () => {
    const { lines } = linesOf({ rules: { 'OKTA-S1': { level: 'warning', suppressible: true } } }, [
      { rule: 'OKTA-S1', reason },
      { rule: 'OKTA-X', reason },
    ]);
    expect(lines).toEqual([
      expect.stringContaining('[OKTA-S1 error] rule OKTA-S1 cannot be suppressed'),
      expect.stringContaining('[OKTA-S1 error] suppressions[1].rule must be a rule ID'),
    ]);
  });
});
