import { ResourceChangeJson, TerraformPlanJson } from './plan-json';

/** Groups a plan unassigns from an app: their members can no longer sign in to it. */
export interface AssignmentRemoval {
  readonly address: string;
  /** IDs of the unassigned groups (the plan knows IDs only). */
  readonly groups: readonly string[];
}

const groupIdsOf = (side: unknown): string[] => {
  const groups = (side as { group?: unknown } | null | undefined)?.group;
  return Array.isArray(groups) ? groups.map((g) => (g as { id?: unknown }).id).filter((id): id is string => typeof id === 'string') : [];
};

/**
 * `okta_app_group_assignments` owns an app's whole set: its read (provider 4.20.0,
 * `resourceAppGroupAssignmentsRead` / `syncGroups` in okta/resource_okta_app_group_assignments.go)
 * adds every assignment Okta has, including ones made in the console, and the update DELETEs
 * each group that is in the state but not in the configuration (`splitAssignmentsTargets`).
 * So an adopted app's hand-made assignments, or a group taken out of a file, show here as an
 * update whose `before` lists a group its `after` does not: named loudly in the PR summary.
 */
function removal(resource: ResourceChangeJson): AssignmentRemoval | undefined {
  if (resource.type !== 'okta_app_group_assignments' || !resource.change.actions.some((a) => a === 'update' || a === 'delete'))
    return undefined;
  const after = new Set(groupIdsOf(resource.change.after));
  const groups = groupIdsOf(resource.change.before).filter((id) => !after.has(id));
  return groups.length > 0 ? { address: resource.address, groups } : undefined;
}

/** Every app whose assigned groups the plan reduces. */
export function assignmentRemovals(plan: TerraformPlanJson): AssignmentRemoval[] {
  return (plan.resource_changes ?? []).flatMap((resource) => removal(resource) ?? []);
}

export function describeAssignmentRemoval(removal: AssignmentRemoval): string {
  return (
    `UNASSIGNS group(s) ${removal.groups.join(', ')} from ${removal.address.replace(/^okta_app_group_assignments\./, 'app ')}: their members can no longer sign in. ` +
    'A group assigned by hand in the Okta console is removed too, because the file lists exactly the assigned groups: add it to "assignments.groups" to keep it'
  );
}
