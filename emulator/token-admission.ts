/**
 * Whether a custom authorization server would issue a token, evaluated from its stored access
 * policies and rules the way Okta documents it ("Create access policies" in Okta's authorization
 * server guide): active policies in priority order, each applying to all clients
 * (`ALL_CLIENTS`) or to a list of client IDs; in the first policy that applies and has a
 * matching rule, the first active rule (by priority) whose grant types, scopes and people match
 * decides. No such policy and rule: no token. Every requested scope must also exist on the server.
 * Unverified against a live org: whether Okta moves on to the next policy when a policy applies
 * to the client but none of its rules match (assumed here, as the guide's wording "the first
 * policy and rule that matches" suggests).
 */
import type { AuthServerRecord } from './state';
import type { JsonObject } from './types';

/** A token request as the server sees it. */
export interface TokenRequest {
  /** The OAuth client ID (for apps the provider creates, the app ID). */
  clientId: string;
  /** The grant used, e.g. "authorization_code" or "client_credentials". */
  grantType: string;
  /** The scopes requested. */
  scopes: string[];
  /** The user's group IDs; left out for grants without a user (client_credentials). */
  groupIds?: string[];
}

/** The decision, with the policy and rule that admitted the request or the reason none did. */
export interface TokenAdmission {
  admitted: boolean;
  policy?: string;
  rule?: string;
  reason?: string;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const at = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as JsonObject)[k] : undefined), value);
const byPriority = (a: JsonObject, b: JsonObject) => Number(a.priority) - Number(b.priority);

/** Evaluates a token request against a server's scopes, policies and rules. */
export function admitToken(server: AuthServerRecord, request: TokenRequest): TokenAdmission {
  const known = new Set([...server.scopes.values()].map((s) => s.name));
  const unknown = request.scopes.filter((s) => !known.has(s));
  if (unknown.length > 0) return { admitted: false, reason: `invalid_scope: the server has no scope ${unknown.join(', ')}` };
  const policies = [...server.policies.values()].filter((p) => p.policy.status === 'ACTIVE').sort((a, b) => byPriority(a.policy, b.policy));
  const applying = policies.filter((p) => {
    const clients = list(at(p.policy, 'conditions', 'clients', 'include'));
    return clients.includes('ALL_CLIENTS') || clients.includes(request.clientId);
  });
  if (applying.length === 0)
    return { admitted: false, reason: `no_matching_policy: no active access policy applies to client ${request.clientId}` };
  for (const { policy, rules } of applying) {
    const rule = [...rules.values()]
      .filter((r) => r.status === 'ACTIVE')
      .sort(byPriority)
      .find((r) => ruleMatches(r, request));
    if (rule) return { admitted: true, policy: String(policy.name), rule: String(rule.name) };
  }
  return {
    admitted: false,
    reason: `no_matching_rule: no rule of ${applying.map((p) => `"${String(p.policy.name)}"`).join(', ')} allows grant ${request.grantType} with scopes ${request.scopes.join(' ')}`,
  };
}

function ruleMatches(rule: JsonObject, request: TokenRequest): boolean {
  if (!list(at(rule, 'conditions', 'grantTypes', 'include')).includes(request.grantType)) return false;
  const scopes = list(at(rule, 'conditions', 'scopes', 'include'));
  if (!scopes.includes('*') && !request.scopes.every((s) => scopes.includes(s))) return false;
  if (request.groupIds === undefined) return true;
  const groups = list(at(rule, 'conditions', 'people', 'groups', 'include'));
  const users = list(at(rule, 'conditions', 'people', 'users', 'include'));
  if (groups.length === 0 && users.length === 0) return true;
  return groups.includes('EVERYONE') || groups.some((g) => request.groupIds!.includes(g));
}
