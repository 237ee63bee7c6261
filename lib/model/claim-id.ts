import { DEFAULT_CLAIM_NAME } from '../okta/claim-names';

export type ClaimToken = 'id' | 'access';

/**
 * Which claim: one name in one token of one server. Apps asking for the same identity share one
 * Okta claim, and a file asks for each identity once.
 */
export interface ClaimId {
  readonly server: string;
  readonly token: ClaimToken;
  readonly name: string;
}

/**
 * The identity of a claim as a file (or Okta) gives it, with the file's defaults: the ID token,
 * and the name `groups`.
 */
export function claimIdOf(claim: { readonly server: string; readonly token?: ClaimToken; readonly name?: string }): ClaimId {
  return { server: claim.server, token: claim.token ?? 'id', name: claim.name ?? DEFAULT_CLAIM_NAME };
}

/**
 * `server/token/name`: how a shared claim is named where people and Okta see it (the shared
 * stack's `managed_claims` output, the opt-in list in each app's profile, the claim's guard).
 */
export function claimIdText(id: ClaimId): string {
  return `${id.server}/${id.token}/${id.name}`;
}

/**
 * A key for maps and sets. Unlike the text form it stays distinct for every identity, even for
 * a server name with "/" in it that the rules have yet to refuse.
 */
export function claimIdKey(id: ClaimId): string {
  return JSON.stringify([id.server, id.token, id.name]);
}

/** The order claims are listed in: by their `server/token/name`. */
export function compareClaimIds(a: ClaimId, b: ClaimId): number {
  return claimIdText(a).localeCompare(claimIdText(b));
}
