import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_RULES } from '../../lib/policy/rules';
import { BUILT_IN_RULES, RULES } from '../../lib/rules';

const ROOT = join(__dirname, '..', '..');

describe('the rule registry', () => {
  test('every ID is unique across both packs, and every rule has a plain-text title and an explanation', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.title.length).toBeGreaterThan(5);
      // Annotation titles show the title as it is, so Markdown would show as marks.
      expect(rule.title).not.toMatch(/[`*|]/);
      expect(rule.explanation.length).toBeGreaterThan(40);
    }
  });

  test('a policy rule has an ID of the form OKTA-<letter><digit>', () => {
    for (const rule of POLICY_RULES) expect(rule.id).toMatch(/^OKTA-[A-Z]\d+$/);
  });

  test('a built-in rule is an error that cannot be configured, named after its file, with its own test file', () => {
    for (const rule of BUILT_IN_RULES) {
      expect({ id: rule.id, level: rule.level, configurable: rule.configurable }).toEqual({
        id: rule.id,
        level: 'error',
        configurable: false,
      });
      expect(existsSync(join(ROOT, 'lib/rules', `${rule.id}.ts`))).toBe(true);
      expect(existsSync(join(ROOT, '__tests__/rules', `${rule.id}.test.ts`))).toBe(true);
    }
  });
});
