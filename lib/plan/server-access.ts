import { AppModel } from '../model/app';
import { EnvironmentModel, ServerAccessModel } from '../model/environment';
import { claimScopes } from './claim-scopes';

/** One app that asks a server for claims. */
export interface AccessApp {
  readonly key: string;
  readonly file: string;
  readonly shard: string;
  /** The keys its shard's state may hold it under: its own, then those before a rename (until the shard applies). */
  readonly keys: readonly string[];
  /** The shards whose state may hold its client ID: its own, then the one it moves from (until the new shard applies). */
  readonly shards: readonly string[];
}

/** Okta evaluates a server's access policies (clients) and their rules (grant types, scopes, people) before any claim. */
export interface ServerAccessPlan extends ServerAccessModel {
  readonly server: string;
  /** The apps that ask this server for claims, sorted by key. */
  readonly apps: readonly AccessApp[];
  /** Managed: the rule's grant types (the apps' grants Okta lists in policy rules). */
  readonly grantTypes: readonly string[];
  /** Managed: the rule's scopes (OIDC sign-in, offline access for refresh tokens, the claims' scopes). */
  readonly scopes: readonly string[];
}

/** Shard output with each app's OAuth client ID by key, read by the shared stack. */
export const CLIENT_IDS_OUTPUT = 'client_ids';

/**
 * Okta's policy rules list the grants a client may use; refresh tokens are not among them (a
 * rule admitting authorization_code also serves its refresh tokens, with `offline_access`).
 */
const NOT_A_RULE_GRANT = 'refresh_token';

/** Per custom server that claims use, sorted by server: how the apps that use it are admitted. */
export function planServerAccess(settings: EnvironmentModel, apps: readonly AppModel[]): ServerAccessPlan[] {
  const byServer = new Map<string, AppModel[]>();
  for (const app of apps) {
    for (const server of new Set(app.claims.filter((c) => c.server !== 'org').map((c) => c.server))) {
      byServer.set(server, [...(byServer.get(server) ?? []), app]);
    }
  }
  return [...byServer.keys()].sort().map((server) => {
    const users = byServer.get(server)!.sort((a, b) => (a.key < b.key ? -1 : 1));
    // The rule claim-servers-exist refuses a claim on a server the environment does not declare.
    const serverSettings = settings.servers.get(server)!;
    const claims = users.flatMap((a) => a.claims.filter((c) => c.server === server));
    const grants = new Set(users.flatMap((a) => a.grantTypes).filter((g) => g !== NOT_A_RULE_GRANT));
    const refresh = users.some((a) => a.grantTypes.includes(NOT_A_RULE_GRANT));
    const scopes = new Set([
      'openid',
      'profile',
      'email',
      ...(refresh ? ['offline_access'] : []),
      ...claims.flatMap((c) => claimScopes(c, serverSettings) ?? []),
    ]);
    return {
      server,
      ...serverSettings.access,
      apps: users.map((a) => ({
        key: a.key,
        file: a.file,
        shard: a.shard,
        keys: [a.key, ...a.previousKeys],
        shards: [a.shard, ...(a.previousShard === undefined ? [] : [a.previousShard])],
      })),
      grantTypes: [...grants].sort(),
      scopes: [...scopes].sort(),
    };
  });
}
