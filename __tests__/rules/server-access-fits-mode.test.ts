import { allowlist, problemsOf } from '../helpers/fixture';
import { at, E, envWith, expectProblem } from '../helpers/located-problems';

describe('server-access-fits-mode', () => {
  test('a verified server given the name of a policy to own', () => {
    const envs = envWith({ id: 'default', access: { mode: 'verified', policyName: 'Mine' } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"Mine"'),
      'access.policyName must be left out with mode "verified", but got it: a verified server owns no policy. Remove it, or set "mode": "managed"',
      envs,
    );
  });

  test('a managed server given policies to check', () => {
    const envs = envWith({ id: 'default', access: { mode: 'managed', checkPolicies: ['Default Policy'] } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '[\n              "Default Policy"'),
      /^access.checkPolicies must be left out with mode "managed", but got it/,
      envs,
    );
  });

  test('both access modes in their own shape are accepted', () => {
    const managed = envWith({
      id: 'default',
      manageGroupsScope: true,
      access: { mode: 'managed', policyName: 'Allow-listed apps', priority: 2 },
    });
    const verified = envWith({ id: 'default', manageGroupsScope: true, access: { mode: 'verified', checkPolicies: ['Default Policy'] } });
    expect(problemsOf({ 'a.json': allowlist() }, managed)).toEqual([]);
    expect(problemsOf({ 'a.json': allowlist() }, verified)).toEqual([]);
  });
});
