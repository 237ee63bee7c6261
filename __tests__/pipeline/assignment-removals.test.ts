import { assignmentRemovals, describeAssignmentRemoval } from '../../lib/pipeline/assignment-removals';
import { renderPlanComment } from '../../lib/pipeline/comment';
import { TerraformPlanJson } from '../../lib/pipeline/plan-json';

const group = (id: string) => ({ id, priority: 0, profile: '{}' });
const assignments = (
  before: unknown[] | null,
  after: unknown[] | null,
  actions = ['update'],
  importing?: { id: string },
): TerraformPlanJson => ({
  format_version: '1.2',
  resource_changes: [
    {
      address: 'okta_app_group_assignments.payroll',
      mode: 'managed',
      type: 'okta_app_group_assignments',
      change: {
        actions,
        before: before && { app_id: '0oa1', group: before },
        after: after && { app_id: '0oa1', group: after },
        ...(importing && { importing }),
      },
    },
  ],
});

describe('assignmentRemovals', () => {
  test('an imported app whose hand-made assignment the file does not list: the removal is named', () => {
    const plan = assignments([group('00gHANDMADE0000000001'), group('00gLISTED00000000001')], [group('00gLISTED00000000001')], ['update'], {
      id: '0oa1',
    });
    expect(assignmentRemovals(plan)).toEqual([{ address: 'okta_app_group_assignments.payroll', groups: ['00gHANDMADE0000000001'] }]);
  });

  test('adding groups, an unchanged set and a create remove nothing', () => {
    expect(assignmentRemovals(assignments([group('00gA')], [group('00gA'), group('00gB')]))).toEqual([]);
    expect(assignmentRemovals(assignments([group('00gA')], [group('00gA')], ['no-op']))).toEqual([]);
    expect(assignmentRemovals(assignments(null, [group('00gA')], ['create']))).toEqual([]);
  });

  test('the PR comment shows the removal in the caution block', () => {
    const unassigned = assignmentRemovals(assignments([group('00gA'), group('00gB')], [group('00gA')]));
    const body = renderPlanComment({ environment: 'prod', marker: '<!-- m -->', stacks: [{ stack: 'prod--payroll', unassigned }] });
    expect(body).toContain('> [!CAUTION]');
    expect(body).toContain('prod--payroll: UNASSIGNS group(s) 00gB from app payroll: their members can no longer sign in');
    expect(describeAssignmentRemoval(unassigned[0])).toMatch(/add it to "assignments\.groups" to keep it$/);
  });
});
