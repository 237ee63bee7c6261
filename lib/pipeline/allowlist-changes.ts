import { AllowlistSpec, ClaimSpec } from '../model/app';
import { claimIdKey } from '../model/claim-id';
import { AppSnapshot } from './allowlist-snapshot';
import { describeAllowlist, describeClaim, describeTokens, groupName } from './describe';

/** What happened to one app between two commits, in plain language. */
export interface AppChange {
  /** The app key at head, or at base when the app was removed. */
  readonly key: string;
  readonly kind: 'added' | 'removed' | 'renamed' | 'changed';
  /** The key the app had at base, for renames. @default - not renamed */
  readonly renamedFrom?: string;
  /** One line per change. */
  readonly details: readonly string[];
  /** Changes that delete something or will stop the plan: shown loudly. */
  readonly warnings: readonly string[];
  /** Which groups appear in which tokens at head; empty when the tokens did not change. */
  readonly tokens: readonly string[];
  /** Owners added to or removed from an app that already existed. @default - the owners did not change, or the app is new */
  readonly owners?: OwnerChange;
}

/**
 * A change of an existing app's `owners`. The policy trusts them (OKTA-G2 lets owners use their
 * groups, OKTA-G1 exempts groups granted to them) and CODEOWNERS is read from the base branch,
 * so a team could add another team as owner, and that team's groups, in one pull request.
 */
export interface OwnerChange {
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/**
 * Compares the allow-list files at base and head. With `environment`, only apps that exist
 * there at base or head are reported, and per-environment settings (imports, retirement) are
 * read for that environment alone.
 */
export function allowlistChanges(
  base: ReadonlyMap<string, AppSnapshot>,
  head: ReadonlyMap<string, AppSnapshot>,
  environment?: string,
): AppChange[] {
  const inScope = (app: AppSnapshot): boolean => environment === undefined || !app.environments || app.environments.includes(environment);
  const changes: AppChange[] = [];
  const matchedBase = new Set<string>();
  for (const app of head.values()) {
    const previousKey = base.has(app.key) ? app.key : app.previousKeys.find((k) => base.has(k) && !head.has(k));
    const before = previousKey === undefined ? undefined : base.get(previousKey);
    if (previousKey !== undefined) matchedBase.add(previousKey);
    if (!inScope(app) && !(before && inScope(before))) continue;
    const change = before ? changeBetween(before, app, environment) : addition(app, environment);
    if (change) changes.push(change);
  }
  for (const app of base.values()) {
    if (!matchedBase.has(app.key) && inScope(app)) changes.push(removal(app));
  }
  return changes.sort((a, b) => a.key.localeCompare(b.key));
}

function addition(app: AppSnapshot, environment: string | undefined): AppChange {
  const details = [`new app "${app.label ?? app.key}", owned by ${app.owners.join(', ') || 'nobody'}`];
  for (const [env, id] of importsIn(app, environment))
    details.push(`adopts the existing Okta app ${id} in ${env} (import: nothing is created there)`);
  details.push(describeSignIn(app.assignments));
  if (app.unreadable) details.push(`the file is incomplete: ${app.unreadable}`);
  return {
    key: app.key,
    kind: 'added',
    details,
    warnings: retirementWarnings({}, app.retire, environment),
    tokens: describeTokens(app.allowlist, app.claims),
  };
}

function removal(app: AppSnapshot): AppChange {
  return {
    key: app.key,
    kind: 'removed',
    details: [],
    warnings: [
      `the file ${app.file} was deleted. If Okta app "${app.label ?? app.key}" is still managed, the plan stops at the managed-apps guard: ` +
        'restore the file and set "retire" to "destroy" (delete it from Okta) or "forget" (keep it, stop managing it), or rename it with "previousKeys"',
    ],
    tokens: [],
  };
}

function changeBetween(before: AppSnapshot, after: AppSnapshot, environment: string | undefined): AppChange | undefined {
  const details: string[] = [];
  if (before.unreadable) details.push(`the previous version could not be fully read (${before.unreadable}); compared what could be read`);
  if (before.label !== after.label) details.push(`label ${quote(before.label)} → ${quote(after.label)}`);
  if (!sameList(before.owners, after.owners))
    details.push(`owners ${before.owners.join(', ') || 'none'} → ${after.owners.join(', ') || 'none'}`);
  details.push(...environmentChanges(before, after, environment));
  const allowlistDetails = allowlistDifferences(before.allowlist, after.allowlist);
  const claimDetails = claimDifferences(before.claims, after.claims);
  details.push(...allowlistDetails, ...claimDetails.details, ...importChanges(before, after, environment));
  for (const [env, mode] of Object.entries(after.retire)) {
    if (before.retire[env] !== mode && mode === 'forget' && (environment === undefined || env === environment)) {
      details.push(`Terraform stops managing it in ${env}; the Okta app stays as it is`);
    }
  }
  const signIn = assignmentDifferences(before.assignments, after.assignments);
  details.push(...signIn.details);
  const warnings = [...claimDetails.warnings, ...signIn.warnings, ...retirementWarnings(before.retire, after.retire, environment)];
  const renamed = before.key !== after.key;
  const owners = ownerChange(before.owners, after.owners);
  if (!renamed && details.length === 0 && warnings.length === 0) return undefined;
  const tokensChanged = allowlistDetails.length > 0 || claimDetails.details.length > 0 || claimDetails.warnings.length > 0;
  return {
    key: after.key,
    kind: renamed ? 'renamed' : 'changed',
    renamedFrom: renamed ? before.key : undefined,
    details: renamed ? [`renamed from "${before.key}": the same Okta app, its Terraform state moves`, ...details] : details,
    warnings,
    tokens: tokensChanged ? describeTokens(after.allowlist, after.claims) : [],
    ...(owners && { owners }),
  };
}

/** Who may sign in: the groups assigned to the app, or that the file leaves them to the Okta console. */
function describeSignIn(assignments: readonly string[] | undefined): string {
  return assignments
    ? `may sign in: members of ${assignments.map(groupName).join(', ')} (exactly these groups are assigned; any other assignment is removed)`
    : 'may sign in: whoever the Okta console assigns (the file has no "assignments"); a new app has no assignments, so nobody can sign in yet';
}

/**
 * Changes to the assigned groups. A group that leaves the list is unassigned: its members can
 * no longer sign in, so that is a warning. Dropping "assignments" forgets them (a `removed`
 * block): Okta keeps them as they are.
 */
function assignmentDifferences(
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): { details: string[]; warnings: string[] } {
  if (!before && !after) return { details: [], warnings: [] };
  if (!after)
    return {
      details: ['Terraform stops managing who may sign in (no "assignments" any more); the assignments stay in Okta as they are'],
      warnings: [],
    };
  if (!before) return { details: [describeSignIn(after)], warnings: [] };
  const added = after.filter((g) => !before.includes(g));
  const removed = before.filter((g) => !after.includes(g));
  return {
    details: added.length ? [`may sign in, groups assigned: ${added.map(groupName).join(', ')}`] : [],
    warnings: removed.length ? [`unassigns ${removed.map(groupName).join(', ')}: their members can no longer sign in to the app`] : [],
  };
}

function ownerChange(before: readonly string[], after: readonly string[]): OwnerChange | undefined {
  const added = after.filter((o) => !before.includes(o));
  const removed = before.filter((o) => !after.includes(o));
  return added.length + removed.length > 0 ? { added, removed } : undefined;
}

function environmentChanges(before: AppSnapshot, after: AppSnapshot, environment: string | undefined): string[] {
  const listed = (app: AppSnapshot): string => (app.environments ? app.environments.join(', ') : 'every environment');
  if (sameList(before.environments ?? ['*'], after.environments ?? ['*'])) return [];
  const leaves =
    environment !== undefined &&
    (!before.environments || before.environments.includes(environment)) &&
    after.environments &&
    !after.environments.includes(environment);
  return [`environments ${listed(before)} → ${listed(after)}${leaves ? `: it leaves ${environment}` : ''}`];
}

function allowlistDifferences(before: AllowlistSpec | undefined, after: AllowlistSpec | undefined): string[] {
  if (!before || !after)
    return before === after
      ? []
      : [`allow list ${before ? describeAllowlist(before) : 'unreadable'} → ${after ? describeAllowlist(after) : 'unreadable'}`];
  if (before.kind === 'static' && after.kind === 'static') {
    const added = after.groups.filter((g) => !before.groups.includes(g));
    const removed = before.groups.filter((g) => !after.groups.includes(g));
    return [
      ...(added.length ? [`groups added: ${added.map(groupName).join(', ')}`] : []),
      ...(removed.length ? [`groups removed: ${removed.map(groupName).join(', ')}`] : []),
    ];
  }
  const was = describeAllowlist(before);
  const now = describeAllowlist(after);
  return was === now ? [] : [`allow list ${was} → ${now}`];
}

const VALUE_WORDS = { name: 'group names', id: 'group IDs' } as const;

function claimDifferences(before: readonly ClaimSpec[], after: readonly ClaimSpec[]): { details: string[]; warnings: string[] } {
  const details: string[] = [];
  const warnings: string[] = [];
  const old = new Map(before.map((c) => [claimIdKey(c), c]));
  for (const claim of after) {
    const previous = old.get(claimIdKey(claim));
    if (!previous) {
      details.push(`claim added: ${describeClaim(claim)}`);
      continue;
    }
    const fields = [
      previous.limit !== claim.limit && `limit ${previous.limit} → ${claim.limit}`,
      previous.value !== claim.value && `value ${VALUE_WORDS[previous.value]} → ${VALUE_WORDS[claim.value]}`,
      (previous.scopes ?? []).join(' ') !== (claim.scopes ?? []).join(' ') &&
        `scopes ${previous.scopes?.join(', ') || 'none'} → ${claim.scopes?.join(', ') || 'none'}`,
      previous.alwaysIncludeInToken !== claim.alwaysIncludeInToken &&
        `always in the token ${previous.alwaysIncludeInToken ? 'yes' : 'no'} → ${claim.alwaysIncludeInToken ? 'yes' : 'no'}`,
    ].filter((f): f is string => typeof f === 'string');
    if (fields.length) details.push(`claim changed: ${describeClaim(claim)}: ${fields.join('; ')}`);
  }
  const now = new Set(after.map(claimIdKey));
  for (const claim of before.filter((c) => !now.has(claimIdKey(c)))) {
    warnings.push(`claim removed: ${describeClaim(claim)} no longer carries this app's groups`);
  }
  return { details, warnings };
}

function importsIn(app: AppSnapshot, environment: string | undefined): [string, string][] {
  return Object.entries(app.importIds).filter(([env]) => environment === undefined || env === environment);
}

function importChanges(before: AppSnapshot, after: AppSnapshot, environment: string | undefined): string[] {
  const lines: string[] = [];
  for (const [env, id] of importsIn(after, environment)) {
    if (before.importIds[env] !== id) lines.push(`adopts the existing Okta app ${id} in ${env} (import: nothing is created there)`);
  }
  for (const [env, id] of importsIn(before, environment)) {
    if (after.importIds[env] === undefined) lines.push(`no longer imports ${id} in ${env} (has no effect once it is in the state)`);
  }
  return lines;
}

function retirementWarnings(
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
  environment: string | undefined,
): string[] {
  return Object.entries(after)
    .filter(([env, mode]) => mode === 'destroy' && before[env] !== 'destroy' && (environment === undefined || env === environment))
    .map(([env]) => `retire "destroy": the Okta app will be DELETED from ${env}`);
}

const quote = (text: string | undefined): string => (text === undefined ? 'none' : `"${text}"`);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
