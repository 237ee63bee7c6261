/** The in-memory org: every object the emulator serves, without `_links`. */
import { copy } from './json';
import { type TokenAdmission, type TokenRequest, admitToken } from './token-admission';
import type { JsonObject } from './types';

/** An OIDC app and what hangs off it. */
export interface AppRecord {
  /** The app as stored, client_secret included. */
  app: JsonObject;
  /** The org-server groups claim (internal idToken settings), null when never set. */
  idToken: JsonObject | null;
  /** The OIE access (authentication) policy assigned to the app. */
  accessPolicyId: string | null;
  /** Group assignments by group ID, in assignment order. */
  groups: Map<string, JsonObject>;
}

/** An authorization server policy and its rules. */
export interface PolicyRecord {
  policy: JsonObject;
  rules: Map<string, JsonObject>;
}

/** A custom authorization server and its sub-objects. */
export interface AuthServerRecord {
  server: JsonObject;
  scopes: Map<string, JsonObject>;
  claims: Map<string, JsonObject>;
  policies: Map<string, PolicyRecord>;
}

/** All objects of one org. Maps keep insertion order, which is the listing order. */
export class Store {
  readonly apps = new Map<string, AppRecord>();
  readonly groups = new Map<string, JsonObject>();
  readonly users = new Map<string, JsonObject>();
  readonly authServers = new Map<string, AuthServerRecord>();
  /** OIE org-level ACCESS_POLICY policies (app sign-on policies). */
  readonly accessPolicies = new Map<string, JsonObject>();
}

/** Admin view over a {@link Store}: reads return plain JSON copies; a few methods act as an Okta admin would. */
export class EmulatorState {
  constructor(private readonly store: Store) {}

  /** All apps, client secrets included. */
  apps(): JsonObject[] {
    return [...this.store.apps.values()].map((r) => copy(r.app));
  }

  /** One app, or undefined. */
  app(id: string): JsonObject | undefined {
    const record = this.store.apps.get(id);
    return record ? copy(record.app) : undefined;
  }

  /** The app's org-server groups claim settings, or null when it has none. */
  groupsClaim(appId: string): JsonObject | null {
    const idToken = this.store.apps.get(appId)?.idToken;
    return idToken && idToken.name ? copy(idToken) : null;
  }

  /** Removes an app's groups claim, as an admin can in the console (the provider cannot). */
  removeGroupsClaim(appId: string): void {
    const record = this.store.apps.get(appId);
    if (record) record.idToken = null;
  }

  /** The app's group assignments. */
  appGroupAssignments(appId: string): JsonObject[] {
    return [...(this.store.apps.get(appId)?.groups.values() ?? [])].map(copy);
  }

  /** All authorization servers. */
  servers(): JsonObject[] {
    return [...this.store.authServers.values()].map((r) => copy(r.server));
  }

  /** Claims of one server (empty when the server does not exist). */
  claims(serverId: string): JsonObject[] {
    return [...(this.store.authServers.get(serverId)?.claims.values() ?? [])].map(copy);
  }

  /** Scopes of one server. */
  scopes(serverId: string): JsonObject[] {
    return [...(this.store.authServers.get(serverId)?.scopes.values() ?? [])].map(copy);
  }

  /** Policies of one server, each with its rules under `rules`. */
  policies(serverId: string): JsonObject[] {
    return [...(this.store.authServers.get(serverId)?.policies.values() ?? [])].map((p) => ({
      ...copy(p.policy),
      rules: [...p.rules.values()].map(copy),
    }));
  }

  /** Whether the server would issue a token for this request, by its access policies and rules. */
  canIssueToken(serverId: string, request: TokenRequest): TokenAdmission {
    const server = this.store.authServers.get(serverId);
    return server ? admitToken(server, request) : { admitted: false, reason: `no authorization server ${serverId}` };
  }

  /** All groups. */
  groups(): JsonObject[] {
    return [...this.store.groups.values()].map(copy);
  }

  /** Everything, for the admin HTTP endpoint. */
  snapshot(): JsonObject {
    const apps = this.apps().map((app) => {
      const id = String(app.id);
      return { ...app, _emulator: { groupsClaim: this.groupsClaim(id), groups: this.appGroupAssignments(id) } };
    });
    const servers = this.servers().map((server) => {
      const id = String(server.id);
      return { ...server, _emulator: { scopes: this.scopes(id), claims: this.claims(id), policies: this.policies(id) } };
    });
    return { apps, authServers: servers, groups: this.groups() };
  }
}
