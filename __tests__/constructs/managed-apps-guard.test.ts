import { DataTerraformRemoteStateLocal } from 'cdktf';
import { ForgottenApps } from '../../lib/constructs/forgotten-apps';
import { ManagedAppsGuard } from '../../lib/constructs/managed-apps-guard';
import { synthJson } from '../helpers/synth';

describe('ManagedAppsGuard', () => {
  const json = synthJson(
    (scope) =>
      new ManagedAppsGuard(scope, 'guard', {
        environment: 'prod',
        managed: ['payroll', 'hr'],
        leaving: ['old-hr', 'expenses', 'moving'],
        appIds: { payroll: '${okta_app_oauth.payroll.id}', hr: '${okta_app_oauth.hr.id}' },
        movedOut: ['moving'],
        readOwnState: (s, id, defaults) => new DataTerraformRemoteStateLocal(s, id, { path: 'terraform.prod.tfstate', defaults }),
      }),
  );

  test('records the managed keys in an output the next plan reads back from its own state', () => {
    expect(json.output.managed_apps.value).toEqual(['hr', 'payroll']);
    expect(json.data.terraform_remote_state.last_applied).toMatchObject({ backend: 'local', config: { path: 'terraform.prod.tfstate' } });
  });

  test('fails the plan when a key vanishes without retire or previousKeys, and says what to do', () => {
    const { condition, error_message: message } = json.output.managed_apps.precondition;
    expect(condition).toBe(
      '${length(setsubtract(toset((var.first_apply ? [] : data.terraform_remote_state.last_applied[0].outputs.managed_apps)), toset(["payroll", "hr", "old-hr", "expenses", "moving"]))) == 0}',
    );
    expect(message).toMatch(/^Okta app\(s\) \$\{join\(", ", sort\(setsubtract\(/);
    expect(message).toContain('in environment "prod" no longer have an allow-list file here');
    expect(message).toContain('"retire": {"prod": "destroy"}');
    expect(message).toContain('"previousKeys"');
  });

  test('records app IDs, carrying over the ID of an app moving to another shard from the last apply', () => {
    expect(json.output.app_ids.value).toEqual({
      moving: '${lookup((var.first_apply ? {} : data.terraform_remote_state.last_applied[0].outputs.app_ids), "moving", null)}',
      payroll: '${okta_app_oauth.payroll.id}',
      hr: '${okta_app_oauth.hr.id}',
    });
    expect(json.data.terraform_remote_state.last_applied.defaults).toEqual({ managed_apps: [], app_ids: {} });
  });

  test('only an explicit first_apply skips reading a state that does not exist yet', () => {
    expect(json.variable.first_apply).toMatchObject({ type: 'bool', default: false });
    expect(json.data.terraform_remote_state.last_applied.count).toBe('${var.first_apply ? 0 : 1}');
  });
});

describe('ForgottenApps', () => {
  test('writes removed blocks that keep the apps in Okta', () => {
    const json = synthJson((scope) => new ForgottenApps(scope, 'f', { keys: ['legacy'] }));
    expect(json.removed).toEqual([{ from: 'okta_app_oauth.legacy', lifecycle: { destroy: false } }]);
  });

  test('writes nothing when no app is forgotten', () => {
    expect(synthJson((scope) => new ForgottenApps(scope, 'f', { keys: [] })).removed).toBeUndefined();
  });
});
