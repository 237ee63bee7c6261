import { RunningEmulator } from '../emulator';
import { appsByLabel, startOrg } from './harness/org';
import { planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Provider 4.20.0 skips an update that drops `groups_claim`. Removing the org-server claim
 * from a file must therefore stop the plan with the steps to take, never "apply" silently,
 * and pass once the claim is gone from Okta.
 */
describe('removing an org-server claim from a file', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const payrollId = (): string => appsByLabel(org).get('Payroll Portal')!.id as string;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] } });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), { payroll: webApp('Payroll Portal', ['Payroll Admins']) });
    workspace.synth();
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('what the provider alone does: the apply "succeeds" and the claim stays in Okta', async () => {
    // Shown with Terraform directly (no pipeline check), to pin the provider behaviour the check exists for.
    workspace.edit('payroll', (file) => (file.claims = [{ server: 'default', token: 'access', scopes: ['groups'] }]));
    workspace.synth();
    const raw = await workspace.terraform('dev--payroll', ['apply', '-input=false', '-no-color', '-auto-approve']);
    expect(raw.code).toBe(0);
    expect(org.state.groupsClaim(payrollId())).toMatchObject({ name: 'groups' });
    const again = await workspace.terraform('dev--payroll', ['plan', '-input=false', '-no-color', '-detailed-exitcode']);
    expect(again.code).toBe(2);
  });

  test("the pipeline's plan fails with the console steps, and passes once the claim is removed in Okta", async () => {
    const blocked = await workspace.plan('dev--payroll');
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(
      /Okta app "Payroll Portal" \(okta_app_oauth\.payroll\) would lose its org-server groups claim "groups", but the okta provider 4\.20\.0 cannot remove/,
    );
    expect(blocked.stderr).toMatch(/Sign On > OpenID Connect ID Token/);

    org.state.removeGroupsClaim(payrollId()); // what an admin does in the console
    const after = await workspace.plan('dev--payroll');
    expect(after.code).toBe(0);
    expect(org.state.groupsClaim(payrollId()) ?? null).toBeNull();
  });
});
