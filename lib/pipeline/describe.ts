import { AllowlistSpec, ClaimSpec } from '../model/app';

/**
 * Plain-language descriptions of what reaches a token, for app teams who know their groups but
 * not Okta's authorization-server model. Texts are plain; the Markdown renderer escapes them.
 */

/** `"Payroll Admins"`: exact, so quotes, spaces and non-ASCII names stay unambiguous. */
export const groupName = (name: string): string => JSON.stringify(name);

/** Which token, from which server, under which claim name and condition. */
export function describeClaim(claim: ClaimSpec): string {
  const token = claim.token === 'id' ? 'ID token' : 'access token';
  const server = claim.server === 'org' ? 'the org server' : `server "${claim.server}"`;
  const conditions: string[] = [];
  if (claim.scopes) conditions.push(`when scope ${claim.scopes.join(' or ')} is requested`);
  // Okta leaves such a claim out of an ID token returned beside an access token (docs/preview.md, "Thin and fat ID tokens").
  if (claim.token === 'id' && !claim.alwaysIncludeInToken)
    conditions.push('left out of ID tokens returned with an access token (authorization code): read it from /userinfo');
  return [`${token} from ${server}, claim "${claim.name}"`, ...conditions].join(', ');
}

/** What the claim holds for a user, e.g. `group names of the user's groups among "A", "B" (at most 2)`. */
export function describeClaimValue(allowlist: AllowlistSpec, claim: ClaimSpec): string {
  const what = claim.value === 'name' ? 'group names' : 'group IDs';
  const which =
    allowlist.kind === 'static'
      ? `among ${allowlist.groups.map(groupName).join(', ')}`
      : `whose name ${MATCH_WORDS[allowlist.match]} "${allowlist.pattern}" (group source ${allowlist.source})`;
  return `${what} of the user's groups ${which}, at most ${claim.limit} (more makes Okta refuse the token)`;
}

/** One line per claim: which groups appear in which token. */
export function describeTokens(allowlist: AllowlistSpec | undefined, claims: readonly ClaimSpec[]): string[] {
  if (!allowlist) return claims.map((c) => `${describeClaim(c)}: the allow list could not be read`);
  return claims.map((c) => `${describeClaim(c)}: ${describeClaimValue(allowlist, c)}`);
}

export function describeAllowlist(allowlist: AllowlistSpec): string {
  return allowlist.kind === 'static'
    ? `a static list of ${allowlist.groups.length} group(s)`
    : `every group whose name ${MATCH_WORDS[allowlist.match]} "${allowlist.pattern}" (group source ${allowlist.source})`;
}

const MATCH_WORDS = { startsWith: 'starts with', endsWith: 'ends with', contains: 'contains' } as const;
