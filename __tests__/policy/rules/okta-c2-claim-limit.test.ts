import { claimLimit } from '../../../lib/policy/rules/okta-c2-claim-limit';
import { appOf, at, run, suppressing } from '../policy-fixture';

const policy = { claims: { maxLimit: 50 } };

describe('OKTA-C2 maximum claim limit', () => {
  test('a limit at the maximum is allowed', () => {
    expect(run(claimLimit, policy, appOf({ allowlist: { startsWith: 'Payroll ' }, claims: [{ server: 'org', limit: 50 }] })).lines).toEqual(
      [],
    );
  });

  test('a written limit above the maximum is refused at the limit', () => {
    const app = appOf({ claims: [{ server: 'org', limit: 80 }] });
    expect(run(claimLimit, policy, app).lines).toEqual([
      `${at(app, '80')}: [OKTA-C2 error] claim limit must be at most 50 (policy.json, claims.maxLimit), but got 80. Set "limit" to 50 or less`,
    ]);
  });

  test("a dynamic list's default of 100 is refused at the claim and explained", () => {
    const app = appOf({ allowlist: { startsWith: 'Payroll ' }, claims: [{ server: 'org' }] });
    expect(run(claimLimit, policy, app).lines).toEqual([
      expect.stringContaining(
        `${at(app, '{\n      "server"')}: [OKTA-C2 error] claim limit must be at most 50 (policy.json, claims.maxLimit), but got 100 (a dynamic list defaults to 100)`,
      ),
    ]);
  });

  test('suppressed', () => {
    const result = run(claimLimit, policy, appOf({ claims: [{ server: 'org', limit: 80 }], ...suppressing('OKTA-C2') }));
    expect(result.lines).toEqual([]);
    expect(result.suppressions[0].silenced).toBe(1);
  });
});
