import { environmentOf } from '../../lib/model/environment';
import { EnvironmentData } from '../../lib/model/environments-file';
import { serverAccessStatus } from '../../lib/plan/access-status';

const settings = environmentOf('dev', {
  orgName: 'acme',
  baseUrl: 'okta.com',
  auth: { method: 'api_token' },
  backend: { type: 'local' },
  authorizationServers: {
    default: { id: 'default', access: { mode: 'verified', checkPolicies: ['Default Policy', 'Partners'] } },
    partners: { lookupName: 'Partner API', access: { mode: 'managed', policyName: 'Ours' } },
    legacy: { id: 'aus1' },
  },
} as EnvironmentData);
const claims = [{ server: 'org' }, { server: 'partners' }, { server: 'default' }, { server: 'legacy' }, { server: 'partners' }];
const verdicts = (standing: Parameters<typeof serverAccessStatus>[2]) =>
  serverAccessStatus(settings, claims, standing).map((s) => `${s.server}: ${s.verdict}`);

describe('serverAccessStatus', () => {
  test('one status per custom server the app asks, sorted; the org server has no access policy here', () => {
    expect(verdicts('exists')).toEqual(['default: checked', 'legacy: unchecked', 'partners: yes']);
  });

  test('a managed server admits a new app only after the next apply, and says how', () => {
    const [, , partners] = serverAccessStatus(settings, claims, 'new');
    expect(partners).toEqual({
      server: 'partners',
      verdict: 'after-next-apply',
      text: expect.stringMatching(
        /^only after the next apply: the managed access policy "Ours" reads client IDs .* re-run the apply workflow/,
      ),
    });
  });

  test('offline (preview) a managed server says yes once applied and states its assumption', () => {
    expect(serverAccessStatus(settings, claims, 'unknown')[2].text).toMatch(
      /^yes, once applied: .*assuming the app exists in Okta already; an app the next apply creates is admitted only by the apply after it/,
    );
  });

  test('an app retired with "forget" loses a managed server, and a verified one is left alone', () => {
    expect(verdicts('forgotten')).toEqual(['default: checked', 'legacy: unchecked', 'partners: no']);
    expect(serverAccessStatus(settings, claims, 'forgotten')[2].text).toMatch(
      /^no: retired with "forget", so the managed access policy "Ours" drops it/,
    );
  });

  test('a verified server names the policies checked, at plan time or, for a new app, during its apply', () => {
    expect(serverAccessStatus(settings, claims, 'exists')[0].text).toBe(
      'verified: checked at plan time against "Default Policy", "Partners" (the plan fails when none admits it)',
    );
    expect(serverAccessStatus(settings, claims, 'new')[0].text).toMatch(
      /^verified: checked during the apply that creates it against "Default Policy", "Partners"/,
    );
  });
});
