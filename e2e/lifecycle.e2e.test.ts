import { RunningEmulator } from '../emulator';
import { appsByLabel, groupIdsByName, profileOf, startOrg } from './harness/org';
import { changedAttributes, changesOf, oneLine, planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * One app's life through reviewed pull requests, each step planned and applied with the real
 * Terraform and provider: edits update in place, a deleted file stops the plan, only `retire`
 * removes an app (destroy) or lets it go (forget), renames and shard moves keep the Okta app.
 */
describe('an app from creation to retirement', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const appId = (label: string): string => appsByLabel(org).get(label)?.id as string;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] } });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      payroll: webApp('Payroll Portal', ['Payroll Admins', 'Payroll Users']),
      expenses: webApp('Expenses', ['Expense Approvers']),
      'old-tool': webApp('Old Tool', ['Payroll Users']),
      'kept-tool': webApp('Kept Tool', ['Payroll Users']),
    });
    workspace.synth();
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('adding a group updates the profile in place: no replacement, same app ID', async () => {
    const before = appId('Payroll Portal');
    workspace.edit(
      'payroll',
      (file) => ((file.allowlist as { groups: string[] }).groups = ['Payroll Admins', 'Payroll Users', 'Équipe Finance']),
    );
    workspace.synth();
    // The local loop of the README: a re-synth keeps what `terraform init` put into the stack
    // folder, so a plain `terraform plan` works without initializing again.
    const local = await workspace.terraform('dev--payroll', ['plan', '-input=false', '-no-color', '-lock=false', '-detailed-exitcode']);
    expect({ code: local.code, initNeeded: /Backend initialization required|terraform init/.test(local.stderr) }).toEqual({
      code: 2,
      initNeeded: false,
    });
    const plan = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(plan.plan)).toEqual({ 'okta_app_oauth.payroll': 'update' });
    const ids = groupIdsByName(org);
    expect(appId('Payroll Portal')).toBe(before);
    expect(profileOf(appsByLabel(org).get('Payroll Portal')!).groupallowlist).toEqual([
      ids.get('Payroll Admins'),
      ids.get('Payroll Users'),
      ids.get('Équipe Finance'),
    ]);
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test("deleting a file fails the plan with the project's message and destroys nothing", async () => {
    const saved = workspace.read('old-tool');
    workspace.remove('old-tool');
    workspace.synth();
    try {
      const plan = await workspace.plan('dev--payroll');
      expect(plan.code).toBe(1);
      expect(oneLine(plan.stderr)).toMatch(/Okta app\(s\) old-tool in environment "dev" no longer have an allow-list file here/);
      expect(appId('Old Tool')).toBeDefined();
    } finally {
      workspace.write('old-tool', saved);
    }
  });

  test('retire "destroy" deletes exactly that app', async () => {
    const others = ['Payroll Portal', 'Expenses', 'Kept Tool'].map((label) => [label, appId(label)]);
    workspace.edit('old-tool', (file) => (file.retire = { dev: 'destroy' }));
    workspace.synth();
    const plan = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(plan.plan)).toEqual({ 'okta_app_oauth.old-tool': 'delete' });
    expect(appId('Old Tool')).toBeUndefined();
    expect(others.map(([label]) => [label, appId(label)])).toEqual(others);
  });

  test('retire "forget" drops the app from the state and leaves it in Okta', async () => {
    const id = appId('Kept Tool');
    workspace.edit('kept-tool', (file) => (file.retire = { dev: 'forget' }));
    workspace.synth();
    const plan = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(plan.plan)).toEqual({ 'okta_app_oauth.kept-tool': 'forget' });
    expect(await workspace.stateAddresses('dev--payroll')).not.toContain('okta_app_oauth.kept-tool');
    expect(appId('Kept Tool')).toBe(id);
  });

  test('a rename with previousKeys moves the resource: no replacement, same app ID', async () => {
    const id = appId('Payroll Portal');
    const file = workspace.read('payroll');
    workspace.remove('payroll');
    workspace.write('payroll-portal', { ...file, previousKeys: ['payroll'] });
    workspace.synth();
    const plan = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(plan.plan)).toEqual({});
    expect(plan.plan?.resource_changes?.find((c) => c.address === 'okta_app_oauth.payroll-portal')?.previous_address).toBe(
      'okta_app_oauth.payroll',
    );
    expect(appId('Payroll Portal')).toBe(id);
  });

  test('a shard move with previousShard is a forget in the old stack and an import in the new one: same app ID', async () => {
    const id = appId('Expenses');
    workspace.edit('expenses', (file) => {
      file.owners = ['@acme/finance-apps'];
      file.previousShard = 'payroll';
    });
    workspace.synth();
    const newShard = await planAndApply(workspace, 'dev--finance-apps');
    // omit_secret is Terraform-only: an import reads it as null, so a web app's import shows it as
    // an update that sends what Okta already has. Nothing else may change.
    expect(Object.keys(changedAttributes(newShard.plan, 'okta_app_oauth.expenses')).sort()).toEqual(['omit_secret']);
    expect(changesOf(newShard.plan)).toEqual({ 'okta_app_oauth.expenses': 'import+update' });
    const oldShard = await planAndApply(workspace, 'dev--payroll');
    expect(changesOf(oldShard.plan)).toEqual({ 'okta_app_oauth.expenses': 'forget' });
    expect(appId('Expenses')).toBe(id);
    expect(await workspace.stateAddresses('dev--finance-apps')).toContain('okta_app_oauth.expenses');
    expect(await workspace.stateAddresses('dev--payroll')).not.toContain('okta_app_oauth.expenses');
    for (const stack of ['dev--finance-apps', 'dev--payroll']) expect((await workspace.plan(stack)).code).toBe(0);
  });
});
