import { DynamicMatch } from '../model/app';
import { filteredGroupsForApp, groupsMatching, PROFILE_KEYS, sharedClaimExpression } from '../okta/expressions';

/**
 * Which of the project's own claim expressions an expression found in Okta is. An expression is
 * recognised only when the project, given the parameters read from it, writes back the very
 * same text: anything else (another spacing, a `?:` fallback, a literal list, another profile
 * key) would be rewritten by the first apply, so it is reported instead of adopted.
 */

export type RecognisedExpression =
  | { readonly kind: 'static'; readonly value: 'name' | 'id'; readonly limit?: number }
  | { readonly kind: 'dynamic'; readonly match: DynamicMatch; readonly source: string; readonly pattern: string; readonly limit: number };

const STATIC_FOR_APP = /^getFilteredGroups\(app\.profile\.groupallowlist, "group\.(name|id)", (\d{1,3})\)$/;
const DYNAMIC = /Groups\.(startsWith|endsWith|contains)\("([^"\\]*)", "([^"\\]*)", (\d{1,3})\)/;
const GUARD = /Arrays\.contains\(app\.profile\.groupallowlistclaims, "([^"\\]*)"\)/;

function dynamicIn(expression: string): Extract<RecognisedExpression, { kind: 'dynamic' }> | undefined {
  const found = DYNAMIC.exec(expression);
  if (!found || found[2] === '' || found[3] === '') return undefined;
  return { kind: 'dynamic', match: found[1] as DynamicMatch, source: found[2], pattern: found[3], limit: Number(found[4]) };
}

/** An org-server claim (configured on the app): `getFilteredGroups(app.profile.groupallowlist, …, N)` or `Groups.startsWith(…)`. */
export function recogniseOrgExpression(expression: string): RecognisedExpression | undefined {
  const fixed = STATIC_FOR_APP.exec(expression);
  if (fixed) {
    const value = fixed[1] as 'name' | 'id';
    const limit = Number(fixed[2]);
    return filteredGroupsForApp(value, limit) === expression ? { kind: 'static', value, limit } : undefined;
  }
  const dynamic = dynamicIn(expression);
  return dynamic && groupsMatching(dynamic.match, dynamic.source, dynamic.pattern, dynamic.limit) === expression ? dynamic : undefined;
}

/** The claim ID (`server/token/name`) a shared claim's `Arrays.contains` guard names; undefined when unguarded. */
export function guardedClaimId(expression: string): string | undefined {
  return GUARD.exec(expression)?.[1];
}

/**
 * A custom-server claim exactly as the project writes it for claim `claimId`. A static one
 * reads each app's limit from its profile, so its `limit` is left out.
 */
export function recogniseSharedExpression(expression: string, claimId: string): RecognisedExpression | undefined {
  for (const value of ['name', 'id'] as const) {
    if (sharedClaimExpression(claimId, { kind: 'static', groups: [] }, value, 1) === expression) return { kind: 'static', value };
  }
  const dynamic = dynamicIn(expression);
  if (!dynamic) return undefined;
  const spec = { kind: 'dynamic', match: dynamic.match, source: dynamic.source, pattern: dynamic.pattern } as const;
  return sharedClaimExpression(claimId, spec, 'name', dynamic.limit) === expression ? dynamic : undefined;
}

/** The `app.profile.<key>` names an expression reads: such a claim serves every app that has one of them. */
export function profileKeysRead(expression: string): string[] {
  return [...new Set([...expression.matchAll(/app\.profile\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]))];
}

/** The profile keys the project writes (PROFILE_KEYS): any other key is the app's own and would be removed. */
export const OWNED_PROFILE_KEYS: ReadonlySet<string> = new Set(Object.values(PROFILE_KEYS));
