import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appSettingChanges, describeAppSettingChange } from '../../lib/pipeline/app-setting-changes';
import { commentMarker, renderPlanComment } from '../../lib/pipeline/comment';
import { parsePlanJson, summarizePlan } from '../../lib/pipeline/plan-json';

const json = parsePlanJson(readFileSync(join(__dirname, 'fixtures', 'plan-adoption.json'), 'utf8'), 'plan-adoption.json');

describe('settings the apply changes on existing apps', () => {
  test('an adoption lists every attribute whose value in Okta differs from what the apply writes, in plain words', () => {
    const [payroll] = appSettingChanges(json);
    expect(describeAppSettingChange(payroll)).toBe(
      'Payroll Portal (adopted, okta_app_oauth.payroll): ' +
        [
          'user consent: REQUIRED → TRUSTED',
          'tile hidden in the Okta mobile app: no → yes',
          'dashboard tile hidden on web: no → yes',
          'PKCE required: no → yes',
          'profile: {"costCenter":"CC-1234","groupallowlist":[]} → (known after apply)',
          'redirect URIs: https://payroll.example.com/callback, https://payroll.example.com/legacy → https://payroll.example.com/callback',
          'refresh-token leeway (seconds): 20 → 0',
          'refresh-token rotation: ROTATE → STATIC',
          'token endpoint auth: client_secret_post → client_secret_basic',
        ].join('; '),
    );
  });

  test('already managed apps list their security settings only; new apps and unchanged ones nothing', () => {
    const described = appSettingChanges(json).map(describeAppSettingChange);
    // Expenses: its profile change is the allow-list section's business; PKCE is shown. The
    // refresh-token default appearing without the refresh_token grant changes nothing in Okta.
    expect(described.slice(1)).toEqual([
      'Expenses (already managed, okta_app_oauth.expenses): PKCE required: no → yes',
      'Old (adopted, okta_app_oauth.old): no setting changes',
    ]);
  });

  test('the PR comment has a warning section with them, per stack', () => {
    const body = renderPlanComment({
      environment: 'prod',
      marker: commentMarker('plan', 'prod'),
      stacks: [{ stack: 'prod--payroll', plan: summarizePlan(json), settings: appSettingChanges(json) }],
    });
    const section = body.slice(body.indexOf('### Settings of existing apps'), body.indexOf('### Terraform'));
    expect(section).toContain('> [!WARNING]');
    expect(section).toContain('> - prod--payroll: Payroll Portal (adopted, okta\\_app\\_oauth.payroll): ');
    expect(section).toContain('token endpoint auth: client\\_secret\\_post → client\\_secret\\_basic');
    expect(section).toContain('PKCE required: no → yes');
    expect(section).not.toContain('omit');
  });

  test('a plan without changes to existing apps has no such section', () => {
    const body = renderPlanComment({
      environment: 'prod',
      marker: commentMarker('plan', 'prod'),
      stacks: [{ stack: 'prod--x', plan: summarizePlan({ format_version: '1.2' }), settings: [] }],
    });
    expect(body).not.toContain('Settings of existing apps');
  });
});
