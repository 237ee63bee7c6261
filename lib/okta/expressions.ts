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
   * The app's dynamic pattern (`startsWith:OKTA:IT-`): a shared dynamic claim serves only apps
   * whose value equals its own pattern, so other apps on the server get nothing from it.
   */
  dynamic: 'groupallowlistdynamic',
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

/**
 * The shared custom-server claim for static lists. It is evaluated for EVERY app that requests a
 * token from the server, so it yields nothing for apps without an allow list instead of failing,
 * and takes each app's own limit from its profile.
 */
export function filteredGroupsForAnyApp(value: 'name' | 'id'): string {
  const list = profile(PROFILE_KEYS.groups);
  const limit = profile(PROFILE_KEYS.limit);
  return `${list} == null ? {} : getFilteredGroups(${list}, ${GROUP_ATTRIBUTE[value]}, ${limit} == null ? ${MAX_CLAIM_LIMIT} : ${limit})`;
}

/** `Groups.startsWith("OKTA", "IT", 10)` and its siblings. */
export function groupsMatching(match: DynamicMatch, source: string, pattern: string, limit: number): string {
  return `Groups.${match}(${literal(source)}, ${literal(pattern)}, ${limit})`;
}

/** The profile value that opts an app into the shared dynamic claims of its own pattern only. */
export function dynamicOptInValue(allowlist: Extract<AllowlistSpec, { kind: 'dynamic' }>): string {
  return `${allowlist.match}:${allowlist.source}:${allowlist.pattern}`;
}

/** A shared dynamic claim that only apps opted into this very pattern receive. */
export function groupsMatchingForOptedInApps(match: DynamicMatch, source: string, pattern: string, limit: number): string {
  const optIn = literal(dynamicOptInValue({ kind: 'dynamic', match, source, pattern }));
  return `${profile(PROFILE_KEYS.dynamic)} == ${optIn} ? ${groupsMatching(match, source, pattern, limit)} : {}`;
}

/** The org-server claim value for an app: it is configured on the app itself. */
export function orgClaimExpression(allowlist: AllowlistSpec, value: 'name' | 'id', limit: number): string {
  return allowlist.kind === 'static'
    ? filteredGroupsForApp(value, limit)
    : groupsMatching(allowlist.match, allowlist.source, allowlist.pattern, limit);
}

/** The custom-server claim value shared by every app on the server. */
export function sharedClaimExpression(allowlist: AllowlistSpec, value: 'name' | 'id', limit: number): string {
  return allowlist.kind === 'static'
    ? filteredGroupsForAnyApp(value)
    : groupsMatchingForOptedInApps(allowlist.match, allowlist.source, allowlist.pattern, limit);
}
