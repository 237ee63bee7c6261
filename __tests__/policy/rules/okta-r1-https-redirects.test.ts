import { PolicyFileData } from '../../../lib/policy/policy-file';
import { httpsRedirects } from '../../../lib/policy/rules/okta-r1-https-redirects';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy: PolicyFileData = { environments: { dev: { production: false }, prod: {} } };
const app = (type: string, redirectUris: string[], changes = {}) =>
  appOf({ app: { label: 'App', type, redirectUris, grantTypes: ['authorization_code'] }, ...changes });

describe('OKTA-R1 redirect URIs use HTTPS', () => {
  test('https, loopback for native apps, loopback in non-production and private-use schemes for native apps are allowed', () => {
    expect(run(httpsRedirects, policy, app('web', ['https://a.example.com/cb'])).lines).toEqual([]);
    expect(run(httpsRedirects, policy, app('native', ['http://127.0.0.1:8400/cb', 'com.acme.app:/cb'])).lines).toEqual([]);
    expect(run(httpsRedirects, policy, app('web', ['http://localhost:3000/cb'], { environments: ['dev'] })).lines).toEqual([]);
  });

  test('plain http is refused at the URI, with the https address to use', () => {
    const web = app('web', ['https://a.example.com/cb', 'http://a.example.com/cb']);
    expect(run(httpsRedirects, policy, web).lines).toEqual([
      `${at(web, '"http://a.example.com/cb"')}: [OKTA-R1 error] "http://a.example.com/cb" must use https://, but uses http://: the sign-in code would travel unencrypted. Change it to "https://a.example.com/cb"`,
    ]);
  });

  test('loopback for a web app in production is refused, naming the environment', () => {
    expect(run(httpsRedirects, policy, app('web', ['http://localhost:3000/cb'])).lines).toEqual([
      expect.stringContaining('but this web app is also in prod'),
    ]);
  });

  test('an environment without "production": false counts as production', () => {
    expect(run(httpsRedirects, {}, app('web', ['http://localhost:3000/cb'], { environments: ['dev'] })).lines).toHaveLength(1);
  });

  test('a custom scheme is refused for a web app', () => {
    expect(run(httpsRedirects, policy, app('web', ['com.acme.app:/cb'])).lines).toEqual([
      expect.stringContaining('other schemes are allowed only for native apps'),
    ]);
  });

  test('suppressed', () => {
    const result = run(httpsRedirects, policy, app('web', ['http://a.example.com/cb'], suppressing('OKTA-R1')));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
