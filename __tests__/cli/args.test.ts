import { parseSourceArgs } from '../../lib/cli/args';

describe('parseSourceArgs', () => {
  test("the repository's own layout requires policy.json, so deleting it cannot switch the guardrails off", () => {
    expect(parseSourceArgs([]).policyFile).toBe('policy.json');
  });

  test('another allow-lists folder looks for a policy beside it, and an explicit --policy wins', () => {
    expect(parseSourceArgs(['--dir', 'other/allowlists']).policyFile).toBeUndefined();
    expect(parseSourceArgs(['--dir', 'x', '--policy', 'p.json'])).toMatchObject({ allowlistsDir: 'x', policyFile: 'p.json' });
  });

  test('an unknown option is refused', () => {
    expect(() => parseSourceArgs(['--polcy', 'p.json'])).toThrow(/Unknown option '--polcy'/);
  });
});
