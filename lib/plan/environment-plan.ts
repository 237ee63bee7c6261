import { Problem } from '../load/problem';
import { displayPath } from '../load/schema-problems';
import { AppModel, ClaimSpec } from '../model/app';
import { ClaimId, claimIdKey, claimIdText, compareClaimIds } from '../model/claim-id';
import { EnvironmentData, EnvironmentsFileData } from '../model/environments-file';
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
  readonly settings: EnvironmentData;
  /** Every app managed here, across shards. */
  readonly apps: readonly PlannedApp[];
  /** Every group name or ID the apps allow-list here, each once. */
  readonly groups: readonly GroupReference[];
  /** One entry per (server, claim name, token) that at least one app asks for. */
  readonly sharedClaims: readonly SharedClaim[];
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

/** Builds the plan of every declared environment; conflicts between files become problems. */
export function planEnvironments(
  apps: readonly AppModel[],
  environments: EnvironmentsFileData,
): { plans: EnvironmentPlan[]; problems: Problem[] } {
  const problems = [...renameProblems(apps), ...importProblems(apps)];
  const plans = Object.entries(environments.environments).map(([name, settings]) => {
    const { plan, problems: conflicts } = planEnvironment(name, settings, apps);
    for (const conflict of conflicts) problems.push(conflict);
    return plan;
  });
  return { plans, problems: dedupe(problems) };
}

function planEnvironment(
  name: string,
  settings: EnvironmentData,
  allApps: readonly AppModel[],
): { plan: EnvironmentPlan; problems: Problem[] } {
  const inEnvironment = allApps.filter((app) => app.environments.includes(name) || own(app.retire, name) !== undefined);
  const apps = inEnvironment.filter((app) => own(app.retire, name) === undefined);
  const { claims, problems } = shareClaims(name, settings, apps);
  const managedScopes = Object.entries(settings.authorizationServers ?? {})
    .filter(([, s]) => s.manageGroupsScope)
    .map(([n]) => n);
  const planned = apps.map((app) => planApp(app, name));
  const shards = new Map<string, { members: AppModel[]; planned: PlannedApp[]; movedOut: string[] }>();
  const shard = (shardName: string) =>
    shards.get(shardName) ?? shards.set(shardName, { members: [], planned: [], movedOut: [] }).get(shardName)!;
  for (const app of inEnvironment) {
    shard(app.shard).members.push(app);
    if (app.previousShard) shard(app.previousShard).movedOut.push(app.key);
  }
  for (const p of planned) shard(p.app.shard).planned.push(p);
  const plan: EnvironmentPlan = {
    name,
    settings,
    apps: planned,
    groups: groupReferences(apps),
    sharedClaims: claims,
    servers: [...new Set([...claims.map((c) => c.server), ...managedScopes])].sort(),
    serverAccess: planServerAccess(settings, apps),
    sharedStack: stackName(name, SHARED_STACK),
    shards: [...shards.keys()].sort().map((shardName) => planShard(name, shardName, shards.get(shardName)!)),
  };
  return { plan, problems };
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
  return {
    name: shard,
    stack: stackName(environment, shard),
    apps: planned,
    groupBatches: batchGroupSearches(groupReferences(apps)),
    forgotten: members.filter((a) => own(a.retire, environment) === 'forget').map((a) => a.key),
    destroyed: members.filter((a) => own(a.retire, environment) === 'destroy').map((a) => a.key),
    renames: apps.flatMap((app) => app.previousKeys.map((from) => ({ from, to: app.key }))),
    movedOut,
    movedIn: apps.filter((a) => a.previousShard !== undefined).map((a) => ({ key: a.key, from: a.previousShard as string })),
  };
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
    assignments: app.assignments,
  };
}

function groupReferences(apps: readonly AppModel[]): GroupReference[] {
  const files = new Map<string, Set<string>>();
  const use = (group: string, where: string) => files.set(group, (files.get(group) ?? new Set()).add(where));
  for (const app of apps) {
    if (app.allowlist.kind === 'static') app.allowlist.groups.forEach((group) => use(group, app.file));
    // Assigned groups resolve through the same exact-name searches; the postconditions' messages say where they come from.
    if (app.data.assignments?.groups) app.data.assignments.groups.forEach((group) => use(group, `${app.file} (assignments)`));
  }
  return [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reference, users]) => ({ reference, isId: isGroupId(reference), files: [...users].sort() }));
}

interface ClaimRequest {
  readonly app: AppModel;
  readonly claim: ClaimSpec;
  readonly shared: Omit<SharedClaim, 'apps'>;
}

/** Apps asking for the same server, claim name and token share one claim; it must mean the same for all. */
function shareClaims(
  environment: string,
  settings: EnvironmentData,
  apps: readonly AppModel[],
): { claims: SharedClaim[]; problems: Problem[] } {
  const groups = new Map<string, ClaimRequest[]>();
  for (const app of apps) {
    for (const claim of app.claims.filter((c) => c.server !== 'org')) {
      const scopes = claimScopes(claim, own(settings.authorizationServers, claim.server));
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
  const problems: Problem[] = [];
  const claims: SharedClaim[] = [];
  for (const requests of groups.values()) {
    const [first, ...others] = requests;
    for (const other of others) {
      const difference = differenceBetween(first, other);
      if (difference) problems.push(conflict(environment, first, other, difference));
    }
    claims.push({ ...first.shared, apps: requests.map((r) => r.app.key).sort() });
  }
  claims.sort(compareClaimIds);
  return { claims, problems };
}

function differenceBetween(a: ClaimRequest, b: ClaimRequest): string | undefined {
  const describe = (r: ClaimRequest): Record<string, string> => ({
    'allow-list kind and pattern':
      r.app.allowlist.kind === 'static'
        ? 'a static list'
        : `${r.app.allowlist.match} "${r.app.allowlist.pattern}" (source ${r.app.allowlist.source})`,
    value: `"${r.claim.value}"`,
    scopes: r.shared.scopes ? JSON.stringify(r.shared.scopes) : 'none',
    alwaysIncludeInToken: String(r.shared.alwaysIncludeInToken),
    limit: r.app.allowlist.kind === 'dynamic' ? String(r.claim.limit) : 'per app',
  });
  const left = describe(a);
  const right = describe(b);
  const field = Object.keys(left).find((k) => left[k] !== right[k]);
  // A claim without "scopes" may differ only through the server's default: say so.
  const shown = (r: ClaimRequest, text: string) =>
    field === 'scopes' && !r.claim.scopes && r.shared.scopes
      ? `none (so ${text}, the default on a server not dedicatedToManagedApps)`
      : text;
  return field && `${field}: ${shown(a, left[field])} in ${a.app.file} vs ${shown(b, right[field])} here`;
}

function conflict(environment: string, first: ClaimRequest, other: ClaimRequest, difference: string): Problem {
  const { server, name, token } = other.claim;
  return other.app.document.problem(
    other.claim.path,
    `this claim conflicts with ${first.app.file} ${displayPath(first.claim.path)}: apps on server "${server}" share ONE "${name}" ${token}-token claim (environment "${environment}"), so they must agree on ${difference}. Align the two files, or give one claim another name`,
  );
}

function renameProblems(apps: readonly AppModel[]): Problem[] {
  const problems: Problem[] = [];
  const byKey = new Map(apps.map((a) => [a.key, a]));
  const claimedBy = new Map<string, AppModel>();
  for (const app of apps) {
    app.previousKeys.forEach((key, index) => {
      const path = ['previousKeys', index];
      if (byKey.has(key) && key !== app.key) {
        problems.push(
          app.document.problem(
            path,
            `previousKeys names "${key}", but ${byKey.get(key)?.file} still exists: a renamed app has one file. Delete the old file, or remove "${key}" here`,
          ),
        );
      }
      const earlier = claimedBy.get(key);
      if (earlier)
        problems.push(
          app.document.problem(path, `previousKeys names "${key}", which ${earlier.file} also names: only one file can take over an app`),
        );
      else claimedBy.set(key, app);
    });
  }
  return problems;
}

/** An Okta app is adopted by one file: two import blocks for one ID would give it two owners in Terraform. */
function importProblems(apps: readonly AppModel[]): Problem[] {
  const problems: Problem[] = [];
  const first = new Map<string, AppModel>();
  for (const app of apps) {
    for (const [environment, id] of Object.entries(app.importIds)) {
      const identity = `${environment}\u0000${id}`;
      const earlier = first.get(identity);
      if (!earlier) {
        first.set(identity, app);
      } else {
        problems.push(
          app.document.problem(
            ['app', 'importIds', environment],
            `app.importIds.${environment} must name an Okta app no other file adopts, but ${earlier.file} also imports "${id}" in "${environment}": one Okta app can be managed by one allow-list file only. Remove the import from one of the two files`,
          ),
        );
      }
    }
  }
  return problems;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message.replace(/ \(environment "[^"]+"\)/, '')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
