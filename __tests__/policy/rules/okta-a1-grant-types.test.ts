import { grantTypes } from '../../../lib/policy/rules/okta-a1-grant-types';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { apps: { grantTypes: { web: ['authorization_code', 'refresh_token'] } } };
const web = (grants: string[], changes = {}) =>
  appOf({ app: { label: 'Payroll', type: 'web', redirectUris: ['https://payroll.example.com/callback'], grantTypes: grants }, ...changes });

describe('OKTA-A1 allowed grant types per app type', () => {
  test('listed grant types are allowed', () => {
    expect(run(grantTypes, policy, web(['authorization_code', 'refresh_token'])).lines).toEqual([]);
  });

  test('the implicit flow is refused at its entry and the message says what to use instead', () => {
    const app = web(['authorization_code', 'implicit']);
    expect(run(grantTypes, policy, app).lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${at(app, '"implicit"')}: \\[OKTA-A1 error\\] grant type "implicit" is not allowed for web apps .*use "authorization_code" \\(with PKCE\\) instead`,
        ),
      ),
    ]);
  });

  test('an app type the policy leaves out may use no grant type', () => {
    const app = appOf({ app: { label: 'CLI', type: 'native', redirectUris: ['com.acme.cli:/cb'], grantTypes: ['authorization_code'] } });
    expect(run(grantTypes, policy, app).lines).toEqual([expect.stringContaining('policy.json allows no grant type for native apps')]);
  });

  test('suppressed', () => {
    const result = run(grantTypes, policy, web(['authorization_code', 'password'], suppressing('OKTA-A1')));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
