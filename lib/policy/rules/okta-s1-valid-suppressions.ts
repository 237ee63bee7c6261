import { closest } from '../../load/schema-problems';
import { Finding } from '../../rules/rule';
import { PolicyRule } from '../rule';

/** Every suppression names a known, suppressible rule, once. */
export const validSuppressions: PolicyRule = {
  id: 'OKTA-S1',
  scope: 'file',
  title: 'Suppressions name real, suppressible rules',
  level: 'error',
  configurable: false,
  explanation:
    'A suppression with a mistyped rule ID would silence nothing and mislead reviewers; one for a rule the platform team marked non-suppressible would be a way around it.',
  checks: 'Every suppression names an existing policy rule, once, and that rule is suppressible. Built-in rules never are.',
  setting: 'cannot be changed',
  check(app, { ruleIds, builtInRuleIds, isSuppressible }) {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    app.suppressions.forEach(({ rule }, index) => {
      const path = ['suppressions', index, 'rule'];
      if (builtInRuleIds.includes(rule)) {
        findings.push({
          path,
          message: `rule ${rule} is built in and cannot be suppressed: what it reports would fail in Okta, the provider or this repository. Fix it instead (see docs/rules.md)`,
        });
      } else if (!ruleIds.includes(rule)) {
        const suggestion = closest(rule, ruleIds);
        findings.push({
          path,
          message: `suppressions[${index}].rule must be a rule ID such as "OKTA-G2", but got "${rule}"${suggestion ? `: did you mean "${suggestion}"?` : ''} See docs/policy.md for the list`,
        });
      } else if (!isSuppressible(rule)) {
        findings.push({
          path,
          message: `rule ${rule} cannot be suppressed: policy.json marks it non-suppressible. Fix what it reports instead, or talk to the platform team`,
        });
      } else if (seen.has(rule)) {
        findings.push({ path, message: `rule ${rule} is suppressed twice: keep one entry with the whole reason` });
      }
      seen.add(rule);
    });
    return findings;
  },
};
