import { RunningEmulator } from '../emulator';
import { appsByLabel, startOrg } from './harness/org';
import { oneLine, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Group names resolve by exact name through the real provider's `okta_groups` search: a name
 * that matches no group, two groups, or only a group spelt with other case stops the plan
 * with the project's message naming the file, and nothing is created.
 */
describe('allow-listed group names that do not resolve to exactly one group', () => {
  let org: RunningEmulator;
  let workspace: Workspace;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS, { name: 'Twin Team' }, { name: 'Twin Team' }] } });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      payroll: webApp('Payroll Portal', ['Payroll Admins', 'No Such Group', 'Twin Team', 'PAYROLL USERS']),
    });
    workspace.synth();
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('the plan fails naming each name, how many groups it matched and the file', async () => {
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(1);
    const log = oneLine(plan.stderr);
    expect(log).toMatch(/Each allow-listed group name must match exactly one Okta group in environment "dev"/);
    expect(log).toMatch(/"No Such Group" matches 0 \(allow-listed in \S*allowlists\/payroll\.json\)/);
    expect(log).toMatch(/"Twin Team" matches 2 \(allow-listed in \S*allowlists\/payroll\.json\)/);
    expect(log).toMatch(/"PAYROLL USERS" matches 0 \(allow-listed in \S*allowlists\/payroll\.json\)/);
    expect(log).not.toContain('"Payroll Admins" matches');
    expect(appsByLabel(org).size).toBe(0);
  });
});
