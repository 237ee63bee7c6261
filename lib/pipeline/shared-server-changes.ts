import { ResourceChangeJson, TerraformPlanJson } from './plan-json';

/**
 * Changes to what a whole custom authorization server serves, found in a shared stack's plan.
 * They reach apps this repository does not manage, so the PR comment shows them loudly:
 * `cautions` change who receives a claim or a token; `checks` ask for a look at Okta's Token
 * Preview before the first apply of a new shared claim.
 */
export interface SharedServerChanges {
  readonly cautions: readonly string[];
  readonly checks: readonly string[];
}

interface ClaimJson {
  readonly name?: string;
  readonly auth_server_id?: string;
  readonly scopes?: readonly string[] | null;
}

interface PolicyJson {
  readonly name?: string;
  readonly auth_server_id?: string;
  readonly client_whitelist?: readonly string[] | null;
}

const scopeText = (scopes: readonly string[] | null | undefined): string =>
  scopes && scopes.length > 0 ? scopes.join(', ') : 'none (every token request)';
const server = (side: { auth_server_id?: string }): string => (side.auth_server_id ? `server ${side.auth_server_id}` : 'its server');

/**
 * A new shared claim: whether `app.profile.… == null` is safe for an app without that key or
 * without a profile is not documented by Okta, and if it raises, Okta refuses the token to every
 * app on the server that asks for the claim's scopes. Okta's Token Preview shows it before anyone
 * is refused.
 */
function newClaimCheck(resource: ResourceChangeJson): string | undefined {
  if (resource.type !== 'okta_auth_server_claim' || !resource.change.actions.includes('create') || resource.change.importing)
    return undefined;
  const after = (resource.change.after ?? {}) as ClaimJson;
  const scopes = after.scopes && after.scopes.length > 0 ? `the scopes openid ${after.scopes.join(' ')}` : 'the scope openid';
  return (
    `new shared claim "${after.name}" (${resource.address}) on ${server(after)}: before the first apply, open Security > API > Authorization Servers > the server > Token Preview ` +
    `and preview a token requesting ${scopes} for (1) an app this repository does not manage and (2) an app whose profile is {}: both must get a token, without the claim. ` +
    'Okta does not document whether the claim\'s null check is safe for them; if it is not, Okta refuses tokens to every app that asks the server for these scopes (README, "Custom authorization servers").'
  );
}

/** A shared claim whose scope condition changes: apps that do not ask for the new scopes stop receiving it. */
function scopeChange(resource: ResourceChangeJson): string | undefined {
  if (resource.type !== 'okta_auth_server_claim' || !resource.change.actions.includes('update')) return undefined;
  const before = (resource.change.before ?? {}) as ClaimJson;
  const after = (resource.change.after ?? {}) as ClaimJson;
  const was = [...(before.scopes ?? [])].sort().join(' ');
  const now = [...(after.scopes ?? [])].sort().join(' ');
  if (was === now) return undefined;
  return (
    `shared claim "${after.name}" (${resource.address}) on ${server(after)} changes its scope condition from ${scopeText(before.scopes)} to ${scopeText(after.scopes)}: ` +
    'every app on the server, including apps this repository does not manage, receives it only in token requests that ask for one of these scopes. Check that the clients relying on it ask for them.'
  );
}

/** Clients a managed access policy stops admitting: they get no token from the server unless another policy admits them. */
function droppedClients(resource: ResourceChangeJson): string | undefined {
  if (resource.type !== 'okta_auth_server_policy' || !resource.change.actions.includes('update')) return undefined;
  const before = (resource.change.before ?? {}) as PolicyJson;
  const after = (resource.change.after ?? {}) as PolicyJson;
  if (!Array.isArray(after.client_whitelist)) return undefined; // unknown until apply: nothing to compare
  const dropped = (before.client_whitelist ?? []).filter((c) => !after.client_whitelist!.includes(c));
  if (dropped.length === 0) return undefined;
  return (
    `access policy "${after.name}" (${resource.address}) on ${server(after)} stops admitting client(s) ${dropped.join(', ')}: they get no token from this server any more ` +
    'unless another of its policies admits them (an app retired with "forget" or whose file left this environment, or a client added by hand). ' +
    'To keep one, add it to a policy this repository does not manage first.'
  );
}

/** Every change in `plan` to what a shared custom server serves. */
export function sharedServerChanges(plan: TerraformPlanJson): SharedServerChanges {
  const resources = plan.resource_changes ?? [];
  return {
    cautions: resources.flatMap((r) => [scopeChange(r), droppedClients(r)].filter((m): m is string => m !== undefined)),
    checks: resources.flatMap((r) => newClaimCheck(r) ?? []),
  };
}
