import { AppModel, ClaimSpec } from '../model/app';
import { ClaimId, claimIdKey, claimIdText, compareClaimIds } from '../model/claim-id';
import { EnvironmentModel, EnvironmentsModel } from '../model/environment';
import { orgClaimExpression, sharedClaimExpression } from '../okta/expressions';
import { isGroupId } from '../okta/group-ids';
import { batchGroupSearches } from '../okta/group-search';
import { SHARED_STACK, stackName } from '../model/shards';
import { ServerAccessPlan, planServerAccess } from './server-access';
import { claimScopes } from './claim-scopes';
import { own } from '../model/own';

/**
 * What one environment's stacks must contain, computed from the validated apps without cdktf.
 * Synthesis, the CLI summary, the affected-stack selection and token preview all read this one
 * model. The environment's objects are split across stacks, each with its own state: one
 * `shared` stack for what belongs to a whole authorization server (claims, scopes), and one
 * stack per shard of apps, so a change to one app plans one small stack.
 */
export interface EnvironmentPlan {
  readonly name: string;
  readonly settings: EnvironmentModel;
  /** Every app managed here, across shards. */
  readonly apps: readonly PlannedApp[];
  /** Every group name or ID the apps allow-list here, each once. */
  readonly groups: readonly GroupReference[];
  /** One entry per (server, claim name, token) that at least one app asks for. */
  readonly sharedClaims: readonly SharedClaim[];
  /** Shared claims that may leave the shared stack: those the environments file lists in a server's removedClaims. */
  readonly removedClaims: readonly ClaimId[];
  /** Custom servers that claims use or whose groups scope is managed, sorted. */
  readonly servers: readonly string[];
  /** Per custom server that claims use: how its apps are admitted to get tokens from it. */
  readonly serverAccess: readonly ServerAccessPlan[];
  /** The stack of the shared objects, e.g. `prod--shared`. */
  readonly sharedStack: string;
  /** The app shards, sorted by name. */
  readonly shards: readonly ShardPlan[];
}

/** Every stack of an environment, shared stack first, in the order they are synthesized. */
export function stacksOf(plan: EnvironmentPlan): string[] {
  return [plan.sharedStack, ...plan.shards.map((s) => s.stack)];
}

/** One shard of an environment's apps: one Terraform stack and state. */
export interface ShardPlan {
  readonly name: string;
  /** Stack and state name, e.g. `prod--payroll`. */
  readonly stack: string;
  readonly apps: readonly PlannedApp[];
  /** The shard's groups split into search requests: one Okta API call (per page) each. */
  readonly groupBatches: readonly (readonly GroupReference[])[];
  /** Apps whose files say "retire": "forget" here: Terraform forgets them, Okta keeps them. */
  readonly forgotten: readonly string[];
  /** Apps whose files say "retire": "destroy" here: Terraform deletes them from Okta. */
  readonly destroyed: readonly string[];
  /** Renames declared with previousKeys: state moves, the Okta app stays. */
  readonly renames: readonly { readonly from: string; readonly to: string }[];
  /** Keys of apps leaving this shard for another (their previousShard is this one): forgotten here. */
  readonly movedOut: readonly string[];
  /** Apps arriving from another shard: imported here with the ID that shard recorded. */
  readonly movedIn: readonly { readonly key: string; readonly from: string }[];
  /** Keys that leave this shard's state on purpose: retired (forget or destroy), renamed away, or moved out. */
  readonly leaving: readonly string[];
  /** Keys of apps Terraform forgets here (`removed` blocks), leaving them in Okta: retired with "forget", or moved out. */
  readonly forgottenApps: readonly string[];
  /**
   * Keys whose group assignments this shard does not manage, sorted: Terraform forgets any it held
   * (a file dropped `assignments`, the app is retired, moved out or renamed to a key without them),
   * so that no plan deletes every assignment of an app and locks its users out.
   */
  readonly forgottenAssignments: readonly string[];
}

export interface PlannedApp {
  readonly app: AppModel;
  readonly importId?: string;
  /** The org-server groups claim, configured on the app. */
  readonly orgClaim?: { readonly name: string; readonly expression: string };
  /** The limit the shared custom-server claims read from this app's profile. */
  readonly profileLimit?: number;
  /** The shared claims (`server/token/name`) this app asks for, listed in its profile so that only they serve it. */
  readonly claimOptIns: readonly string[];
  /** The groups assigned to the app (who may sign in); undefined when its assignments are not managed here. */
  readonly assignments?: readonly string[];
}

export interface GroupReference {
  /** The exact group name, or a group ID (00g…). */
  readonly reference: string;
  readonly isId: boolean;
  /** Files that allow-list it, for error messages. */
  readonly files: readonly string[];
}

export interface SharedClaim extends ClaimId {
  readonly expression: string;
  readonly scopes?: readonly string[];
  readonly alwaysIncludeInToken: boolean;
  /** Keys of the apps that asked for it. */
  readonly apps: readonly string[];
}

// Kept here for the adoption code that imports it; batches are built by lib/okta/group-search.ts.
export { GROUP_SEARCH_BATCH_SIZE } from '../okta/group-search';

/**
 * Builds the plan of every declared environment. The apps must have passed every rule: the
 * project rules (lib/rules/) have checked what files must agree on, so planning cannot fail.
 */
export function planEnvironments(apps: readonly AppModel[], environments: EnvironmentsModel): EnvironmentPlan[] {
  return [...environments.environments.values()].map((settings) => planEnvironment(settings, apps));
}

/** The apps `environment` manages: those deployed there and not retired there. */
export function appsIn(environment: string, apps: readonly AppModel[]): AppModel[] {
  return apps.filter((app) => app.environments.includes(environment) && own(app.retire, environment) === undefined);
}

function planEnvironment(settings: EnvironmentModel, allApps: readonly AppModel[]): EnvironmentPlan {
  const { name } = settings;
  const inEnvironment = allApps.filter((app) => app.environments.includes(name) || own(app.retire, name) !== undefined);
  const apps = appsIn(name, allApps);
  const claims = shareClaims(settings, apps);
  const managedScopes = [...settings.servers.values()].filter((s) => s.manageGroupsScope).map((s) => s.name);
  const planned = apps.map((app) => planApp(app, name));
  const shards = new Map<string, { members: AppModel[]; planned: PlannedApp[]; movedOut: string[] }>();
  const shard = (shardName: string) =>
    shards.get(shardName) ?? shards.set(shardName, { members: [], planned: [], movedOut: [] }).get(shardName)!;
  for (const app of inEnvironment) {
    shard(app.shard).members.push(app);
    if (app.previousShard) shard(app.previousShard).movedOut.push(app.key);
  }
  for (const p of planned) shard(p.app.shard).planned.push(p);
  return {
    name,
    settings,
    apps: planned,
    groups: groupReferences(apps),
    sharedClaims: claims,
    removedClaims: [...settings.servers.values()].flatMap((s) => s.removedClaims),
    servers: [...new Set([...claims.map((c) => c.server), ...managedScopes])].sort(),
    serverAccess: planServerAccess(settings, apps),
    sharedStack: stackName(name, SHARED_STACK),
    shards: [...shards.keys()].sort().map((shardName) => planShard(name, shardName, shards.get(shardName)!)),
  };
}

function planShard(
  environment: string,
  shard: string,
  {
    members,
    planned,
    movedOut,
  }: { readonly members: readonly AppModel[]; readonly planned: readonly PlannedApp[]; readonly movedOut: readonly string[] },
): ShardPlan {
  const apps = planned.map((p) => p.app);
  const forgotten = members.filter((a) => own(a.retire, environment) === 'forget').map((a) => a.key);
  const destroyed = members.filter((a) => own(a.retire, environment) === 'destroy').map((a) => a.key);
  const renames = apps.flatMap((app) => app.previousKeys.map((from) => ({ from, to: app.key })));
  const leaving = [...forgotten, ...destroyed, ...renames.map((r) => r.from), ...movedOut];
  return {
    name: shard,
    stack: stackName(environment, shard),
    apps: planned,
    groupBatches: batchGroupSearches(groupReferences(apps)),
    forgotten,
    destroyed,
    renames,
    movedOut,
    movedIn: apps.filter((a) => a.previousShard !== undefined).map((a) => ({ key: a.key, from: a.previousShard as string })),
    leaving,
    forgottenApps: [...forgotten, ...movedOut],
    forgottenAssignments: unassignedKeys(planned, renames, leaving),
  };
}

/** Keys the shard knows (its apps and those leaving it) whose assignments stay unmanaged after this plan. */
function unassignedKeys(planned: readonly PlannedApp[], renames: ShardPlan['renames'], leaving: readonly string[]): string[] {
  const assigned = new Set(planned.filter((p) => p.assignments).map((p) => p.app.key));
  const movedWithAssignments = new Set(renames.filter((r) => assigned.has(r.to)).map((r) => r.from));
  const known = [...planned.map((p) => p.app.key), ...leaving];
  return [...new Set(known)].filter((key) => !assigned.has(key) && !movedWithAssignments.has(key)).sort();
}

function planApp(app: AppModel, environment: string): PlannedApp {
  const org = app.claims.find((c) => c.server === 'org');
  const custom = app.claims.filter((c) => c.server !== 'org');
  return {
    app,
    importId: own(app.importIds, environment),
    orgClaim: org && { name: org.name, expression: orgClaimExpression(app.allowlist, org.value, org.limit) },
    profileLimit: app.allowlist.kind === 'static' && custom.length > 0 ? custom[0].limit : undefined,
    claimOptIns: custom.map(claimIdText),
    assignments: app.assignments?.assigned,
  };
}

function groupReferences(apps: readonly AppModel[]): GroupReference[] {
  const files = new Map<string, Set<string>>();
  const use = (group: string, where: string) => files.set(group, (files.get(group) ?? new Set()).add(where));
  for (const app of apps) {
    if (app.allowlist.kind === 'static') app.allowlist.groups.forEach((group) => use(group, app.file));
    // Assigned groups resolve through the same exact-name searches; the postconditions' messages say where they come from.
    app.assignments?.groups?.forEach((group) => use(group, `${app.file} (assignments)`));
  }
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reference, users]) => ({ reference, isId: isGroupId(reference), files: [...users].sort() }));
}

/** One app's request for a shared claim in one environment. */
export interface ClaimRequest {
  readonly app: AppModel;
  readonly claim: ClaimSpec;
  readonly shared: Omit<SharedClaim, 'apps'>;
}

/**
 * Apps asking for the same server, claim name and token share one claim: the requests of one
 * environment's apps for each such claim, in the order of the apps.
 */
export function claimRequests(settings: EnvironmentModel, apps: readonly AppModel[]): ClaimRequest[][] {
  const groups = new Map<string, ClaimRequest[]>();
  for (const app of apps) {
    for (const claim of app.claims.filter((c) => c.server !== 'org')) {
      const scopes = claimScopes(claim, settings.servers.get(claim.server));
      const request: ClaimRequest = {
        app,
        claim,
        shared: {
          server: claim.server,
          name: claim.name,
          token: claim.token,
          expression: sharedClaimExpression(claimIdText(claim), app.allowlist, claim.value, claim.limit),
          scopes: scopes && [...scopes].sort(),
          alwaysIncludeInToken: claim.alwaysIncludeInToken,
        },
      };
      const id = claimIdKey(claim);
      const sharing = groups.get(id);
      if (sharing) sharing.push(request);
      else groups.set(id, [request]);
    }
  }
  return [...groups.values()];
}

/** One claim per request group; the project rule shared-claims-agree has made sure its requests mean the same. */
function shareClaims(settings: EnvironmentModel, apps: readonly AppModel[]): SharedClaim[] {
  const claims = claimRequests(settings, apps).map((requests) => ({ ...requests[0].shared, apps: requests.map((r) => r.app.key).sort() }));
  claims.sort(compareClaimIds);
  return claims;
}
