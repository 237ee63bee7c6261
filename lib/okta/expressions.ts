import { AllowlistSpec, DynamicMatch, MAX_CLAIM_LIMIT } from '../model/app';
import { UNSAFE_IN_EXPRESSION } from './unsafe-text';

/**
 * Okta Expression Language for Groups claims. Every string placed in an expression comes from a
 * validated file (dynamic patterns reject quotes, backslashes and control characters); `literal`
 * re-checks that here so no path can produce an expression that escapes its string.
 */

/** Keys of the free-form app profile that the claims read. */
export const PROFILE_KEYS = {
  /** The allow-listed group IDs (Okta's guides use this name). */
  groups: 'groupallowlist',
  /** The app's own limit, read by claims shared on a custom server. */
  limit: 'groupallowlistlimit',
  /**
   * The custom-server claims the app's file asks for (`default/access/groups`): a claim on a
   * server is evaluated for EVERY app that asks that server for a token, so each shared claim
   * serves only the apps that list its identity here, and an app gets no claim it did not ask for.
   */
  claims: 'groupallowlistclaims',
} as const;

export function literal(text: string): string {
  if (UNSAFE_IN_EXPRESSION.test(text)) {
    throw new Error(`refusing to place ${JSON.stringify(text)} in an Okta expression: it holds a quote, backslash or control character`);
  }
  return `"${text}"`;
}

const GROUP_ATTRIBUTE = { name: '"group.name"', id: '"group.id"' } as const;
const profile = (key: string): string => `app.profile.${key}`;

/** `getFilteredGroups(...)` for one app, with its limit written in (org-server claims). */
export function filteredGroupsForApp(value: 'name' | 'id', limit: number): string {
  return `getFilteredGroups(${profile(PROFILE_KEYS.groups)}, ${GROUP_ATTRIBUTE[value]}, ${limit})`;
}

/** The static part of a shared claim: each app's own list, with its own limit from its profile. */
function filteredGroupsForOptedInApp(value: 'name' | 'id'): string {
  const limit = profile(PROFILE_KEYS.limit);
  return `getFilteredGroups(${profile(PROFILE_KEYS.groups)}, ${GROUP_ATTRIBUTE[value]}, ${limit} == null ? ${MAX_CLAIM_LIMIT} : ${limit})`;
}

/**
 * Serves `claim` only to apps whose profile names `claimId` among the claims they asked for
 * (Okta's `Arrays.contains` matches whole elements exactly); every other app that asks the
 * server for a token, managed here or not, gets an empty claim instead of a failed evaluation.
 */
function forOptedInApps(claimId: string, claim: string): string {
  const asked = profile(PROFILE_KEYS.claims);
  return `${asked} == null ? {} : (Arrays.contains(${asked}, ${literal(claimId)}) ? ${claim} : {})`;
}

/** `Groups.startsWith("OKTA", "IT", 10)` and its siblings. */
export function groupsMatching(match: DynamicMatch, source: string, pattern: string, limit: number): string {
  return `Groups.${match}(${literal(source)}, ${literal(pattern)}, ${limit})`;
}

/** The org-server claim value for an app: it is configured on the app itself. */
export function orgClaimExpression(allowlist: AllowlistSpec, value: 'name' | 'id', limit: number): string {
  return allowlist.kind === 'static'
    ? filteredGroupsForApp(value, limit)
    : groupsMatching(allowlist.match, allowlist.source, allowlist.pattern, limit);
}

/** The value of the custom-server claim `claimId` (`server/token/name`), shared by the apps that ask for it. */
export function sharedClaimExpression(claimId: string, allowlist: AllowlistSpec, value: 'name' | 'id', limit: number): string {
  const claim =
    allowlist.kind === 'static'
      ? filteredGroupsForOptedInApp(value)
      : groupsMatching(allowlist.match, allowlist.source, allowlist.pattern, limit);
  return forOptedInApps(claimId, claim);
}
