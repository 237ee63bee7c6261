import { claimIdText } from '../model/claim-id';
import { ManagedApps } from '../orphans/managed-apps';
import { AuthServer, OidcApp, ServerClaim } from './okta-objects';

/** What `adopt --check` shows reviewers: the org's side of what no file describes yet. */
export interface CheckReport {
  /** OIDC apps (web, native, browser) no file manages: neither adopted by ID nor created under their label. */
  readonly unmanagedApps: readonly OidcApp[];
  /** Claims on the environment's declared servers that no file asks for. */
  readonly unaskedClaims: ReadonlyArray<{ readonly server: string; readonly serverId: string; readonly claim: ServerClaim }>;
}

/**
 * Compares the org with the files: an app is managed when a file adopts its ID or a file of
 * the environment has its label (apps the project created are known by label, as the orphan
 * check knows them); a claim is asked for when a file of the environment asks for its
 * `server/token/name`.
 */
export function checkOrg(
  apps: readonly OidcApp[],
  servers: ReadonlyArray<{ readonly server: AuthServer; readonly declaredAs?: string }>,
  managed: ManagedApps,
  askedClaims: ReadonlySet<string>,
): CheckReport {
  const unmanagedApps = apps.filter((app) => !managed.importIds.has(app.id) && !managed.keysByLabel.has(app.label));
  const unaskedClaims = servers.flatMap(({ server, declaredAs }) =>
    declaredAs === undefined
      ? []
      : server.claims
          .filter((claim) => !askedClaims.has(claimIdText({ server: declaredAs, token: claim.token, name: claim.name })))
          .map((claim) => ({ server: declaredAs, serverId: server.id, claim })),
  );
  return { unmanagedApps, unaskedClaims };
}
