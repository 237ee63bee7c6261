/** Fills a fresh store with the seed plus what every Okta org has (default server, access policies). */
import type { OrgContext } from './http-types';
import { ID_PREFIX, newId, oktaNow } from './ids';
import type { EmulatorSeed, JsonObject, SeedAuthServer } from './types';
import { assignGroup } from './routes/app-groups';
import { insertApp } from './routes/apps';
import { buildClaim } from './routes/claims';
import { makeGroup } from './routes/groups';
import { parseGroupsClaim } from './routes/id-token';
import { buildPolicy, buildRule } from './routes/policies';
import { buildScope } from './routes/scopes';
import type { AuthServerRecord } from './state';

/** The standard OIDC scopes of every custom authorization server. */
export const SYSTEM_SCOPES = ['openid', 'profile', 'email', 'address', 'phone', 'offline_access', 'device_sso'];

// OIE orgs ship these app sign-on policies; "Any two factors" is the system default.
const ACCESS_POLICIES: [string, boolean][] = [
  ['Okta Admin Console', false],
  ['Any two factors', true],
  ['Password only', false],
  ['One factor access', false],
];

/** Applies the seed; errors name the offending seed entry. */
export function applySeed(org: OrgContext, seed: EmulatorSeed): void {
  const { store } = org;
  const users = seed.users?.length ? seed.users : [{ login: 'admin@example.com', firstName: 'Emulator', lastName: 'Admin' }];
  for (const u of users) {
    const id = u.id ?? newId(ID_PREFIX.user);
    const profile = { login: u.login, email: u.login, firstName: u.firstName ?? '', lastName: u.lastName ?? '' };
    store.users.set(id, { id, status: 'ACTIVE', created: oktaNow(), profile });
  }
  for (const g of seed.groups ?? []) {
    const id = g.id ?? newId(ID_PREFIX.group);
    if (store.groups.has(id)) throw new Error(`invalid emulator seed: duplicate group id ${id}`);
    store.groups.set(id, makeGroup(id, g.name, g.description ?? '', g.type ?? 'OKTA_GROUP'));
  }
  if (org.identityEngine) {
    for (const [name, system] of ACCESS_POLICIES) {
      const id = newId(ID_PREFIX.accessPolicy);
      const now = oktaNow();
      store.accessPolicies.set(id, {
        id,
        status: 'ACTIVE',
        name,
        priority: 1,
        system,
        conditions: null,
        created: now,
        lastUpdated: now,
        type: 'ACCESS_POLICY',
      });
    }
  }
  const servers = seed.authServers ?? [];
  if (!servers.some((s) => s.id === 'default'))
    servers.unshift({ id: 'default', name: 'default', description: 'Default Authorization Server for your Applications' });
  for (const s of servers) seedServer(org, s);
  for (const [i, a] of (seed.apps ?? []).entries()) {
    const body: JsonObject = {
      label: a.label,
      settings: {
        oauthClient: {
          application_type: a.type ?? 'web',
          redirect_uris: a.redirectUris ?? [],
          grant_types: a.grantTypes ?? ['authorization_code'],
          ...a.oauthClient,
        },
      },
      visibility: { hide: a.hide ?? { iOS: true, web: true } },
    };
    if (a.credentials) body.credentials = { oauthClient: a.credentials };
    if (a.profile) body.profile = a.profile;
    const record = insertApp(org, body, (a.status ?? 'ACTIVE') === 'ACTIVE');
    if (a.id) {
      store.apps.delete(String(record.app.id));
      record.app.id = a.id;
      store.apps.set(a.id, record);
    }
    const appId = String(record.app.id);
    if (a.groupsClaim) record.idToken = wrap(`apps[${i}].groupsClaim`, () => parseGroupsClaim({ ...a.groupsClaim, issuerMode: 'ORG_URL' }));
    for (const gid of a.groupIds ?? []) wrap(`apps[${i}].groupIds`, () => assignGroup(org, appId, gid, {}));
  }
}

function seedServer(org: OrgContext, s: SeedAuthServer): void {
  const id = s.id ?? newId(ID_PREFIX.authServer);
  const now = oktaNow();
  const server: JsonObject = {
    id,
    name: s.name,
    description: s.description ?? '',
    audiences: s.audiences ?? ['api://' + (id === 'default' ? 'default' : s.name)],
    issuer: `https://${org.orgHost}/oauth2/${id}`,
    issuerMode: 'ORG_URL',
    status: 'ACTIVE',
    created: now,
    lastUpdated: now,
    credentials: { signing: { kid: 'emulatorServerKey', rotationMode: 'AUTO', lastRotated: now, nextRotation: now } },
    default: id === 'default',
  };
  const record: AuthServerRecord = { server, scopes: new Map(), claims: new Map(), policies: new Map() };
  org.store.authServers.set(id, record);
  const where = `authServers ${s.name}`;
  for (const name of SYSTEM_SCOPES) {
    const scope = buildScope(record, { name, metadataPublish: 'ALL_CLIENTS', consent: 'IMPLICIT' }, newId(ID_PREFIX.scope), true);
    record.scopes.set(String(scope.id), scope);
  }
  for (const sc of s.scopes ?? []) {
    const scope = wrap(`${where} scope ${sc.name}`, () =>
      buildScope(record, { ...sc }, sc.id ?? newId(ID_PREFIX.scope), sc.system ?? false),
    );
    record.scopes.set(String(scope.id), scope);
  }
  for (const c of s.claims ?? []) {
    const claim = wrap(`${where} claim ${c.name}`, () =>
      buildClaim(record, { ...c, conditions: { scopes: c.conditions?.scopes ?? [] } }, c.id ?? newId(ID_PREFIX.claim), false),
    );
    record.claims.set(String(claim.id), claim);
  }
  const policies = s.policies ?? (id === 'default' ? [{ name: 'Default Policy', rules: [defaultRule()] }] : []);
  for (const [i, p] of policies.entries()) {
    const policy = buildPolicy({ ...p, rules: null }, p.id ?? newId(ID_PREFIX.authServerPolicy), now, i + 1);
    const rules = new Map<string, JsonObject>();
    for (const [j, r] of (p.rules ?? []).entries()) {
      const rule = wrap(`${where} policy ${p.name} rule ${j}`, () =>
        buildRule(r, typeof r.id === 'string' ? r.id : newId(ID_PREFIX.authServerRule), now, j + 1),
      );
      rules.set(String(rule.id), rule);
    }
    record.policies.set(String(policy.id), { policy, rules });
  }
}

function defaultRule(): JsonObject {
  return {
    name: 'Default Policy Rule',
    conditions: {
      people: { groups: { include: ['EVERYONE'] } },
      grantTypes: { include: ['client_credentials', 'authorization_code', 'urn:ietf:params:oauth:grant-type:device_code', 'implicit'] },
      scopes: { include: ['*'] },
    },
  };
}

/** Re-throws Okta validation errors from seed data as plain errors naming the entry. */
function wrap<T>(where: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    throw new Error(`invalid emulator seed: ${where}: ${(error as Error).message}`, { cause: error });
  }
}
