import { readFileSync } from 'node:fs';
import { POLICY_RULES } from '../../lib/policy/rules';

describe('docs/policy.md', () => {
  const rows = readFileSync('docs/policy.md', 'utf8')
    .split('\n')
    .filter((line) => /^\| OKTA-/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()));

  test('the rules table has one row per rule, with its default level', () => {
    expect(rows.map((row) => row[1])).toEqual(POLICY_RULES.map((rule) => rule.id));
    for (const rule of POLICY_RULES) {
      expect(rows.find((row) => row[1] === rule.id)?.[2]).toMatch(new RegExp(`^${rule.level}\\b`));
    }
  });
});
