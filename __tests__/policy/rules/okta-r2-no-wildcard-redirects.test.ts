import { noWildcardRedirects } from '../../../lib/policy/rules/okta-r2-no-wildcard-redirects';
import { appOf, at, run, suppressing } from '../policy-fixture';

const web = (postLogoutRedirectUris: string[], changes = {}) =>
  appOf({
    app: {
      label: 'App',
      type: 'web',
      redirectUris: ['https://a.example.com/cb'],
      postLogoutRedirectUris,
      grantTypes: ['authorization_code'],
    },
    ...changes,
  });

describe('OKTA-R2 no wildcard redirect URIs', () => {
  test('exact addresses are allowed', () => {
    expect(run(noWildcardRedirects, {}, web(['https://a.example.com/bye'])).lines).toEqual([]);
  });

  test('a wildcard is refused at the URI, post-logout URIs included', () => {
    const app = web(['https://*.example.com/bye']);
    expect(run(noWildcardRedirects, {}, app).lines).toEqual([
      `${at(app, '"https://*.example.com/bye"')}: [OKTA-R2 error] "https://*.example.com/bye" must not contain "*": list every address exactly, one entry each`,
    ]);
  });

  test('suppressed', () => {
    const result = run(noWildcardRedirects, {}, web(['https://*.example.com/bye'], suppressing('OKTA-R2')));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
