import { AppGroupAssignments } from '@cdktf/provider-okta/lib/app-group-assignments';
import { Construct } from 'constructs';
import { GroupDirectory } from './group-directory';
import { expression } from './hcl';

export interface AppAssignmentsProps {
  /** The app key: the Terraform address is `okta_app_group_assignments.<key>`. */
  readonly key: string;
  /** The Okta app's ID, as a Terraform expression or value. */
  readonly appId: string;
  /** The assigned groups, names or IDs as the file writes them. */
  readonly groups: readonly string[];
  /** Resolves group names to IDs by exact name. */
  readonly directory: GroupDirectory;
  /** Import the app's existing assignments (an adopted or moved app): its ID or an expression. @default - created */
  readonly importId?: string;
  /** Earlier keys of the app: their assignments move to this address. @default - none */
  readonly previousKeys?: readonly string[];
}

/**
 * Exactly these groups are assigned to the app: only their members may sign in (Okta lets only
 * users assigned to an OIDC app, directly or through a group, sign in to it; the Groups claim
 * decides nothing about that).
 *
 * One `okta_app_group_assignments` per app rather than one `okta_app_group_assignment` per group
 * (provider 4.20.0, okta/resource_okta_app_group_assignments.go): its read is one paged
 * `GET /api/v1/apps/{id}/groups` per app and plan, where per-group resources cost one GET per group;
 * and it owns the app's whole set, so `resourceAppGroupAssignmentsRead` (`syncGroups`) reads
 * assignments made in the console into the state and the plan shows their removal, which the
 * PR summary names (lib/pipeline/assignment-removals.ts), instead of leaving them unseen.
 * Its update PUTs every listed group again and DELETEs the removed ones
 * (`splitAssignmentsTargets`), so a change costs one request per assigned group.
 * `priority` is left out (the schema's DiffSuppressFunc ignores an unset priority, Okta keeps its
 * own); `profile` is `{}` (required by the schema; OIDC apps have no assignment profile).
 * `prevent_destroy`: dropping `assignments` from a file forgets the set instead (a `removed`
 * block in the shard stack), because the provider's delete unassigns every group and nobody
 * could sign in any more.
 */
export class AppAssignments extends Construct {
  constructor(scope: Construct, id: string, props: AppAssignmentsProps) {
    super(scope, id);
    const resource = new AppGroupAssignments(this, 'assignments', {
      appId: props.appId,
      group: props.groups.map((group) => ({ id: expression(props.directory.idExpression(group)), profile: '{}' })),
      lifecycle: { preventDestroy: true },
    });
    resource.overrideLogicalId(props.key);
    if (props.importId) resource.importFrom(props.importId);
    for (const previous of props.previousKeys ?? []) resource.moveFromId(`okta_app_group_assignments.${previous}`);
  }
}
