import { RunningEmulator } from '../../emulator';
import { Json } from '../../emulator/types';
import { ClaimEvaluationError, evaluate, membershipOf, Value } from '../../lib/preview/evaluate';
import { parseExpression } from '../../lib/preview/expression-language';
import { groupIdsByName, profileOf } from './org';

type JsonObject = Record<string, Json>;

/** One claim an app's token would carry for a user, evaluated from what Okta stores. */
export interface IssuedClaim {
  /** "org" or the custom server's name. */
  readonly server: string;
  readonly token: 'id' | 'access';
  readonly name: string;
  /** Group names (or IDs, for `"value": "id"` claims) in the claim; undefined when Okta would refuse the token. */
  readonly groups?: readonly string[];
  /** Why Okta would refuse the token, when it would. */
  readonly error?: string;
  /** Scopes the client must request for the claim; empty when always included. */
  readonly scopes: readonly string[];
}

/**
 * The groups claims a user in `userGroups` (exact names) gets when app `appId` asks for tokens:
 * the org-server claim on the app and every claim on every custom server, each evaluated with
 * the expression text, profile and groups the emulated org holds (not the files). Claims that
 * come out empty are left out, as Okta leaves out an empty groups claim.
 */
export function issuedClaims(org: RunningEmulator, appId: string, userGroups: readonly string[]): IssuedClaim[] {
  const app = org.state.app(appId) as JsonObject;
  const idsByName = groupIdsByName(org);
  const namesById = new Map([...idsByName].map(([name, id]) => [id, name]));
  // The user's memberships by ID (what getFilteredGroups compares) and by name (what Groups.* compares).
  const memberships = userGroups.flatMap((name) => [
    membershipOf(name),
    ...(idsByName.has(name) ? [membershipOf(idsByName.get(name)!)] : []),
  ]);
  const evaluateClaim = (
    server: string,
    token: 'id' | 'access',
    name: string,
    text: string,
    scopes: readonly string[],
  ): IssuedClaim | undefined => {
    try {
      const value = evaluate(parseExpression(text), {
        appProfile: profileOf(app),
        memberships,
        claimName: name,
        notes: [],
        ignoreCase: false,
      });
      const groups = [
        ...new Set(flatten(value).map((group) => (group.value === null ? (namesById.get(group.group) ?? group.group) : group.value))),
      ];
      return groups.length > 0 ? { server, token, name, groups, scopes } : undefined;
    } catch (error) {
      if (error instanceof ClaimEvaluationError) return { server, token, name, error: error.message, scopes };
      throw error;
    }
  };
  const claims: IssuedClaim[] = [];
  const orgClaim = org.state.groupsClaim(appId) as JsonObject | null;
  if (orgClaim?.valueType === 'EXPRESSION')
    claims.push(...optional(evaluateClaim('org', 'id', orgClaim.name as string, orgClaim.value as string, [])));
  for (const server of org.state.servers() as JsonObject[]) {
    for (const claim of org.state.claims(server.id as string) as JsonObject[]) {
      if (claim.valueType !== 'EXPRESSION' || claim.status === 'INACTIVE') continue;
      const scopes = (((claim.conditions as JsonObject | undefined)?.scopes ?? []) as string[]).slice();
      claims.push(
        ...optional(
          evaluateClaim(
            server.name as string,
            claim.claimType === 'RESOURCE' ? 'access' : 'id',
            claim.name as string,
            claim.value as string,
            scopes,
          ),
        ),
      );
    }
  }
  return claims;
}

const optional = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

function flatten(value: Value): Array<{ group: string; value: string | null }> {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value !== null && typeof value === 'object' && 'group' in value) return [value];
  return [];
}
