import { RunningEmulator } from '../emulator';
import { appsByLabel, groupIdsByName, profileOf, startOrg } from './harness/org';
import { Postgres, startPostgres } from './harness/postgres';
import { oneLine, planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Two applies of one stack at once, on Terraform's `pg` backend (a real PostgreSQL, whose
 * advisory locks are the backend's state lock): one waits or fails cleanly, the state is never
 * corrupted, and no Okta object is duplicated.
 */
describe('concurrent applies of one stack on a locking backend', () => {
  let pg: Postgres;
  let org: RunningEmulator;
  let workspace: Workspace;

  beforeAll(async () => {
    pg = await startPostgres();
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS] } });
    const environments = devEnvironments((dev) => (dev.backend = { type: 'pg', config: { schemaName: 'okta_{stack}' } }));
    workspace = Workspace.of({ dev: { ...org.env('https-proxy'), PG_CONN_STR: pg.connectionString } }, environments, {
      payroll: webApp('Payroll Portal', ['Payroll Admins']),
    });
    workspace.synth();
    for (const stack of workspace.stacks('dev')) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    pg?.stop();
    workspace?.dispose();
  });

  test('the state lives in PostgreSQL, one schema per stack, and a second plan is empty', async () => {
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
    expect(await workspace.stateAddresses('dev--payroll')).toContain('okta_app_oauth.payroll');
  });

  test('two saved plans of the same change applied at once: exactly one applies, the other is refused as stale', async () => {
    workspace.edit('payroll', (file) => ((file.allowlist as { groups: string[] }).groups = ['Payroll Admins', 'Payroll Users']));
    workspace.synth();
    expect((await workspace.plan('dev--payroll', [], 'first')).code).toBe(2);
    expect((await workspace.plan('dev--payroll', [], 'second')).code).toBe(2);
    const results = await Promise.all([
      workspace.apply('dev--payroll', { planName: 'first' }),
      workspace.apply('dev--payroll', { planName: 'second' }),
    ]);
    const outcomes = results.map((r) => r.code).sort();
    expect(outcomes).toEqual([0, 1]);
    const refused = oneLine(results.find((r) => r.code === 1)!.stderr);
    expect(refused).toMatch(/Saved plan is stale|Error acquiring the state lock/);

    const ids = groupIdsByName(org);
    expect([...appsByLabel(org).keys()]).toEqual(['Payroll Portal']);
    expect(profileOf(appsByLabel(org).get('Payroll Portal')!).groupallowlist).toEqual([
      ids.get('Payroll Admins'),
      ids.get('Payroll Users'),
    ]);
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test('two plain applies at once: the second waits for the lock, then finds nothing to do', async () => {
    workspace.edit(
      'payroll',
      (file) => ((file.allowlist as { groups: string[] }).groups = ['Payroll Admins', 'Payroll Users', 'Payroll Auditors']),
    );
    workspace.synth();
    const apply = () => workspace.terraform('dev--payroll', ['apply', '-input=false', '-no-color', '-auto-approve', '-lock-timeout=120s']);
    const results = await Promise.all([apply(), apply()]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const outputs = results.map((r) => oneLine(r.stdout));
    expect(outputs.filter((o) => /Apply complete! Resources: 0 added, 1 changed, 0 destroyed/.test(o))).toHaveLength(1);
    expect(outputs.filter((o) => /No changes\./.test(o))).toHaveLength(1);
    expect([...appsByLabel(org).keys()]).toEqual(['Payroll Portal']);
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });
});
