import { ResourceChangeJson, TerraformPlanJson } from './plan-json';

/**
 * A change the plan shows but the okta provider 4.20.0 would not carry out: applying it would
 * report success, leave Okta as it was and show the same change in every later plan. The
 * pipeline fails the plan instead and says what to do by hand.
 */
export interface BlockedChange {
  readonly address: string;
  /** What would silently not happen, and the steps that make it happen. */
  readonly message: string;
}

interface GroupsClaimJson {
  readonly name?: string;
  readonly value?: string;
}

const claimsOf = (side: unknown): readonly GroupsClaimJson[] => {
  const claims = (side as { groups_claim?: unknown } | null | undefined)?.groups_claim;
  return Array.isArray(claims) ? (claims as GroupsClaimJson[]) : [];
};

/**
 * Removing an app's org-server groups claim. Provider 4.20.0's update sends nothing when
 * `groups_claim` is absent from the configuration (`updateAppOauthGroupsClaim` in
 * okta/resource_okta_app_oauth.go returns early when `d.GetOk("groups_claim")` is false), and no
 * value can stand for "no claim": an empty name or value is refused by the resource's own
 * validation. So the claim stays in Okta; only its removal in the Admin Console works.
 */
function orgClaimRemoval(resource: ResourceChangeJson): BlockedChange | undefined {
  if (resource.type !== 'okta_app_oauth' || !resource.change.actions.includes('update')) return undefined;
  const before = claimsOf(resource.change.before);
  if (before.length === 0 || claimsOf(resource.change.after).length > 0) return undefined;
  const label = (resource.change.before as { label?: string }).label ?? resource.address;
  const claim = before[0].name ?? 'groups';
  return {
    address: resource.address,
    message:
      `Okta app "${label}" (${resource.address}) would lose its org-server groups claim "${claim}", but the okta provider 4.20.0 cannot remove ` +
      'such a claim: it skips the update, so the claim would stay in Okta while every plan shows this change again. Remove it by hand, then plan again ' +
      `(the plan passes once Okta no longer has the claim): in the Okta Admin Console open Applications > "${label}" > Sign On > OpenID Connect ID Token > Edit, ` +
      'empty the groups claim (name and filter or expression) and save.',
  };
}

/** Every change in `plan` that the provider would silently not apply. */
export function blockedChanges(plan: TerraformPlanJson): BlockedChange[] {
  return (plan.resource_changes ?? []).flatMap((resource) => orgClaimRemoval(resource) ?? []);
}
