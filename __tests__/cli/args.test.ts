import { projectSources } from '../../lib/cli/args';

describe('projectSources', () => {
  test("the repository's own layout requires policy.json, so deleting it cannot switch the guardrails off", () => {
    expect(projectSources({}).policyFile).toBe('policy.json');
  });

  test('another allow-lists folder looks for a policy beside it, and an explicit --policy wins', () => {
    expect(projectSources({ dir: 'other/allowlists' }).policyFile).toBeUndefined();
    expect(projectSources({ dir: 'x', policy: 'p.json' })).toMatchObject({ allowlistsDir: 'x', policyFile: 'p.json' });
  });
});
