import { PolicyFileData } from '../../../lib/policy/policy-file';
import { redirectDomains } from '../../../lib/policy/rules/okta-r3-redirect-domains';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy: PolicyFileData = {
  environments: { dev: { redirectDomains: ['example.com', 'example.dev'] }, prod: { redirectDomains: ['example.com'] } },
};
const app = (type: string, redirectUris: string[], changes = {}) =>
  appOf({ app: { label: 'App', type, redirectUris, grantTypes: ['authorization_code'] }, ...changes });

describe('OKTA-R3 redirect URIs stay on allowed domains', () => {
  test('a domain, its subdomains, loopback and a reverse-domain scheme are allowed', () => {
    expect(
      run(redirectDomains, policy, app('web', ['https://example.com/cb', 'https://a.b.EXAMPLE.com/cb', 'http://localhost/cb'])).lines,
    ).toEqual([]);
    expect(run(redirectDomains, policy, app('native', ['com.example.app:/cb'])).lines).toEqual([]);
  });

  test('a look-alike host is refused per environment, at the URI', () => {
    const web = app('web', ['https://example.dev/cb', 'https://evil-example.com/cb']);
    expect(run(redirectDomains, policy, web).lines).toEqual([
      expect.stringContaining(
        `${at(web, '"https://example.dev/cb"')}: [OKTA-R3 error] "https://example.dev/cb" must point to an allowed domain in prod, but goes to "example.dev"`,
      ),
      expect.stringContaining(
        `${at(web, '"https://evil-example.com/cb"')}: [OKTA-R3 error] "https://evil-example.com/cb" must point to an allowed domain in dev, but goes to "evil-example.com"`,
      ),
      expect.stringContaining('"https://evil-example.com/cb" must point to an allowed domain in prod'),
    ]);
  });

  test('environments sharing a domain list get one message', () => {
    const shared: PolicyFileData = {
      environments: { dev: { redirectDomains: ['example.com'] }, prod: { redirectDomains: ['example.com'] } },
    };
    expect(run(redirectDomains, shared, app('web', ['https://other.org/cb'])).lines).toEqual([
      expect.stringContaining('in dev and prod, but goes to "other.org"'),
    ]);
  });

  test('suppressed', () => {
    const result = run(redirectDomains, policy, app('web', ['https://other.org/cb'], suppressing('OKTA-R3')));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(2);
  });
});
