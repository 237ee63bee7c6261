import { blockedChanges } from '../../lib/pipeline/blocked-changes';
import { renderPlanComment } from '../../lib/pipeline/comment';
import { TerraformPlanJson } from '../../lib/pipeline/plan-json';

const claim = {
  name: 'groups',
  type: 'EXPRESSION',
  value: 'getFilteredGroups(app.profile.groupallowlist, "group.name", 3)',
  filter_type: '',
};
const appChange = (before: unknown[], after: unknown[], actions = ['update']): TerraformPlanJson => ({
  format_version: '1.2',
  resource_changes: [
    {
      address: 'okta_app_oauth.payroll',
      mode: 'managed',
      type: 'okta_app_oauth',
      change: {
        actions,
        before: { label: 'Payroll Portal', groups_claim: before },
        after: { label: 'Payroll Portal', groups_claim: after },
      },
    },
  ],
});

describe('blockedChanges', () => {
  test('removing an org-server groups claim is blocked, with the console steps', () => {
    const [blocked] = blockedChanges(appChange([claim], []));
    expect(blocked.address).toBe('okta_app_oauth.payroll');
    expect(blocked.message).toMatch(/would lose its org-server groups claim "groups", but the okta provider 4\.20\.0 cannot remove/);
    expect(blocked.message).toMatch(/Applications > "Payroll Portal" > Sign On > OpenID Connect ID Token/);
  });

  test('changing or adding a claim, and apps without one, are not blocked', () => {
    expect(blockedChanges(appChange([claim], [{ ...claim, value: 'Groups.startsWith("OKTA", "IT-", 50)' }]))).toEqual([]);
    expect(blockedChanges(appChange([], [claim]))).toEqual([]);
    expect(blockedChanges(appChange([], []))).toEqual([]);
  });

  test('creating or deleting an app is not a claim removal', () => {
    expect(blockedChanges(appChange([claim], [], ['delete']))).toEqual([]);
  });

  test('the PR comment names the blocked change in its caution block', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker: '<!-- m -->',
      stacks: [{ stack: 'dev--payroll', blocked: blockedChanges(appChange([claim], [])) }],
    });
    expect(body).toMatch(/> \[!CAUTION\][\s\S]*dev--payroll: CANNOT BE APPLIED: Okta app "Payroll Portal"/);
  });
});
