import { GROUP_SEARCH_BATCH_SIZE } from '../plan/environment-plan';
import { getAllPages, getJson, OktaConnection } from '../okta-api/client';
import { APPS_PAGE_SIZE } from '../orphans/okta-apps';
import { isGroupId } from '../okta/group-ids';
import {
  ADOPTABLE_TYPES,
  AuthServer,
  OidcApp,
  oidcAppOf,
  OktaGroup,
  OrgGroupsClaim,
  orgGroupsClaimOf,
  serverClaimOf,
} from './okta-objects';

/** Reads what adoption needs from an org, with the client's 429 backoff and rate-limit budget. */

type Raw = Record<string, unknown>;
export type Progress = (message: string) => void;

/** Every OIDC app that signs users in (web, native, browser). */
export async function readApps(connection: OktaConnection, progress: Progress): Promise<OidcApp[]> {
  const raw = await getAllPages(connection, `/api/v1/apps?limit=${APPS_PAGE_SIZE}`, (n) => progress(`listed ${n} app(s)`));
  return (raw as Raw[]).flatMap((a) => oidcAppOf(a) ?? []).filter((a) => ADOPTABLE_TYPES.has(a.type));
}

/** Every authorization server with its claims (Okta's system claims left out). */
export async function readServers(connection: OktaConnection): Promise<AuthServer[]> {
  const servers = (await getAllPages(connection, '/api/v1/authorizationServers?limit=200')) as Raw[];
  const result: AuthServer[] = [];
  for (const server of servers) {
    const id = String(server.id);
    const claims = (await getAllPages(connection, `/api/v1/authorizationServers/${encodeURIComponent(id)}/claims`)) as Raw[];
    result.push({ id, name: String(server.name ?? ''), claims: claims.flatMap((c) => serverClaimOf(c) ?? []) });
  }
  return result;
}

/**
 * The org-server groups claim of each app, from the internal idToken settings the provider
 * reads for `groups_claim` (one request per app, in the apps bucket: progress every 10 apps).
 */
export async function readOrgClaims(
  connection: OktaConnection,
  apps: readonly OidcApp[],
  progress: Progress,
): Promise<Map<string, OrgGroupsClaim | undefined>> {
  const claims = new Map<string, OrgGroupsClaim | undefined>();
  for (const [index, app] of apps.entries()) {
    claims.set(
      app.id,
      orgGroupsClaimOf(await getJson(connection, `/api/v1/internal/apps/${encodeURIComponent(app.id)}/settings/oauth/idToken`)),
    );
    if ((index + 1) % 10 === 0 || index + 1 === apps.length) progress(`read the groups claim of ${index + 1}/${apps.length} app(s)`);
  }
  return claims;
}

/**
 * The groups behind `ids`, and whether each one's name is unique: searched by ID, then by
 * exact name, 40 per request as the plan's own searches do; a name counts as unique when
 * exactly one group has it, compared case-sensitively as the plan's postcondition does.
 */
export async function readGroups(connection: OktaConnection, ids: readonly string[]): Promise<Map<string, OktaGroup>> {
  const found: Array<{ id: string; name: string }> = [];
  for (const batch of chunks([...new Set(ids.filter(isGroupId))].sort(), GROUP_SEARCH_BATCH_SIZE)) {
    found.push(
      ...(await searchGroups(
        connection,
        batch.map((id) => `id eq ${JSON.stringify(id)}`),
      )),
    );
  }
  const counts = new Map<string, number>();
  for (const batch of chunks([...new Set(found.map((g) => g.name))].sort(), GROUP_SEARCH_BATCH_SIZE)) {
    for (const group of await searchGroups(
      connection,
      batch.map((name) => `profile.name eq ${JSON.stringify(name)}`),
    )) {
      counts.set(group.name, (counts.get(group.name) ?? 0) + 1);
    }
  }
  return new Map(found.map((g) => [g.id, { ...g, nameIsUnique: counts.get(g.name) === 1 }]));
}

async function searchGroups(connection: OktaConnection, terms: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const groups = (await getAllPages(connection, `/api/v1/groups?limit=200&search=${encodeURIComponent(terms.join(' or '))}`)) as Raw[];
  return groups.map((g) => ({ id: String(g.id), name: String((g.profile as Raw | undefined)?.name ?? '') }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
