import { RunningEmulator } from '../emulator';
import { JsonObject } from '../emulator/types';
import { assignmentRemovals } from '../lib/pipeline/assignment-removals';
import { TerraformPlanJson } from '../lib/pipeline/plan-json';
import { appsByLabel, groupIdsByName, startOrg, TEST_API_TOKEN } from './harness/org';
import { planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/** An app made in the console before the project, with two groups assigned by hand. */
const ADOPTED_ID = '0oaassigned000000001';

/**
 * Who may sign in: a file's `assignments` becomes okta_app_group_assignments (provider 4.20.0)
 * against the emulator's app group assignment endpoints. Hand-made assignments of an adopted app
 * show as removals in the plan (named by the PR summary), the apply leaves exactly the listed
 * groups, and dropping `assignments` forgets them instead of unassigning everyone.
 */
describe('group assignments', () => {
  let org: RunningEmulator;
  let workspace: Workspace;
  const ids = (): Map<string, string> => groupIdsByName(org);
  const assignedNames = (appId: string): string[] => {
    const byId = new Map([...ids()].map(([name, id]) => [id, name]));
    return org.state
      .appGroupAssignments(appId)
      .map((a: JsonObject) => byId.get(a.id as string)!)
      .sort();
  };
  const appId = (label: string): string => appsByLabel(org).get(label)!.id as string;
  /** What an admin does in the console: the Apps API call behind "Assign to groups". */
  const assignByHand = async (app: string, group: string): Promise<void> => {
    const response = await fetch(`${org.url}/api/v1/apps/${app}/groups/${ids().get(group)}`, {
      method: 'PUT',
      headers: { Authorization: `SSWS ${TEST_API_TOKEN}`, 'Content-Type': 'application/json', Host: DEV_HOST },
      body: '{}',
    });
    if (!response.ok) throw new Error(`assigning ${group} by hand failed: ${response.status} ${await response.text()}`);
  };

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, {
      seed: {
        groups: [...SMALL_GROUPS],
        apps: [
          {
            id: ADOPTED_ID,
            label: 'Legacy Portal',
            redirectUris: ['https://legacy-portal.example.com/callback'],
            grantTypes: ['authorization_code'],
          },
        ],
      },
    });
    // The seed's group IDs are generated: assign by hand after start, as an admin would in the console.
    await assignByHand(ADOPTED_ID, 'Payroll Users');
    await assignByHand(ADOPTED_ID, 'Payroll Auditors');
    const legacy = webApp('Legacy Portal', ['Payroll Users'], 'payroll', { assignments: { groups: ['Payroll Users', 'Payroll Admins'] } });
    (legacy.app as JsonObject).importIds = { dev: ADOPTED_ID };
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), {
      payroll: webApp('Payroll Portal', ['Payroll Admins', 'Payroll Users'], 'payroll', { assignments: { fromAllowlist: true } }),
      legacy,
    });
    workspace.synth();
    for (const stack of workspace.stacks('dev').filter((s) => s.endsWith('--shared'))) await planAndApply(workspace, stack);
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test("the first plan imports the adopted app's assignments and names the hand-made one it removes; the apply assigns exactly the listed groups", async () => {
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(2);
    expect(assignmentRemovals(plan.plan as TerraformPlanJson)).toEqual([
      { address: 'okta_app_group_assignments.legacy', groups: [ids().get('Payroll Auditors')] },
    ]);
    expect((await workspace.apply('dev--payroll')).code).toBe(0);
    expect(assignedNames(ADOPTED_ID)).toEqual(['Payroll Admins', 'Payroll Users']);
    expect(assignedNames(appId('Payroll Portal'))).toEqual(['Payroll Admins', 'Payroll Users']);
    expect((await workspace.plan('dev--payroll')).code).toBe(0);
  });

  test('an assignment made by hand later shows as a removal in the next plan', async () => {
    await assignByHand(appId('Payroll Portal'), 'Payroll Contractors');
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(2);
    expect(assignmentRemovals(plan.plan as TerraformPlanJson)).toEqual([
      { address: 'okta_app_group_assignments.payroll', groups: [ids().get('Payroll Contractors')] },
    ]);
  });

  test('dropping "assignments" forgets them: the plan deletes nothing and Okta keeps every assignment', async () => {
    workspace.edit('payroll', (file) => delete file.assignments);
    workspace.synth();
    const plan = await workspace.plan('dev--payroll');
    expect(plan.code).toBe(2);
    const actions = (plan.plan?.resource_changes ?? [])
      .filter((c) => c.type === 'okta_app_group_assignments' && c.change.actions.join() !== 'no-op')
      .map((c) => [c.address, c.change.actions.join('+')]);
    expect(actions).toEqual([['okta_app_group_assignments.payroll', 'forget']]);
    expect((await workspace.apply('dev--payroll')).code).toBe(0);
    expect(assignedNames(appId('Payroll Portal'))).toEqual(['Payroll Admins', 'Payroll Contractors', 'Payroll Users']);
  });
});
