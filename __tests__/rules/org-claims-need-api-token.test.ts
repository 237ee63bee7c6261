import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('org-claims-need-api-token', () => {
  test('custom-server claims under OAuth 2.0 authentication are accepted', () => {
    const envs = environments({ prod: { ...(environments().environments as Record<string, object>).prod, auth: { method: 'oauth' } } });
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'default', token: 'access' }] }) }, envs)).toEqual([]);
  });

  test('an org-server claim under OAuth 2.0 authentication explains the provider trap', () => {
    const envs = environments({ prod: { ...(environments().environments as Record<string, object>).prod, auth: { method: 'oauth' } } });
    const file = allowlist();
    expectProblem(
      { 'a.json': file },
      at(A, file, '"org"'),
      /^an org-server claim needs API-token authentication, but environment "prod" uses "oauth": the Okta provider silently skips/,
      envs,
    );
  });
});
