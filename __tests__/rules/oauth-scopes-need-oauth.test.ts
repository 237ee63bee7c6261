import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('oauth-scopes-need-oauth', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('scopes with OAuth 2.0 authentication are accepted', () => {
    const envs = environments({ dev: { ...dev, auth: { method: 'oauth', scopes: ['okta.apps.manage'] } } });
    expect(problemsOf({ 'a.json': allowlist({ environments: ['prod'] }) }, envs)).toEqual([]);
  });

  test('OAuth scopes with an API token', () => {
    const envs = environments({ dev: { ...dev, auth: { method: 'api_token', scopes: ['okta.apps.manage'] } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '[\n          "okta.apps.manage"'),
      /^auth.scopes applies to method "oauth" only/,
      envs,
    );
  });
});
