import { fileKeyFor } from '../../lib/adopt/file-key';
import { AdoptionContext, mapApp } from '../../lib/adopt/map-app';
import { AuthServer, OidcApp, oidcAppOf, OktaGroup, serverClaimOf } from '../../lib/adopt/okta-objects';
import { guardedClaimId, recogniseOrgExpression, recogniseSharedExpression } from '../../lib/adopt/recognise-expression';
import { checkOrg } from '../../lib/adopt/check';

const G1 = '00g00000000000000001';
const G2 = '00g00000000000000002';

function app(profile?: Record<string, unknown>, client: Record<string, unknown> = {}, label = 'Sales Portal'): OidcApp {
  return oidcAppOf({
    id: '0oa00000000000000001',
    label,
    signOnMode: 'OPENID_CONNECT',
    profile,
    visibility: { hide: { web: true, iOS: true } },
    credentials: { oauthClient: { token_endpoint_auth_method: 'client_secret_basic', pkce_required: true } },
    settings: {
      oauthClient: {
        application_type: 'web',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['https://a.example.com/cb'],
        ...client,
      },
    },
  })!;
}

const groups = new Map<string, OktaGroup>([
  [G1, { id: G1, name: 'Sales Leads', nameIsUnique: true }],
  [G2, { id: G2, name: 'Regional Team', nameIsUnique: false }],
]);
const server = (claims: Record<string, unknown>[]): AuthServer => ({
  id: 'default',
  name: 'default',
  claims: claims.map((c) => serverClaimOf({ id: 'ocl1', status: 'ACTIVE', ...c })!),
});
const context = (servers: AuthServer[] = [], managedClaims: string[] = []): AdoptionContext => ({
  environment: 'dev',
  servers: servers.map((s) => ({ server: s, declaredAs: 'default' })),
  groups,
  apps: [],
  managedClaims: new Set(managedClaims),
});
const orgClaim = (value: string) => ({ name: 'groups', value, valueType: 'EXPRESSION' });
const GUARDED =
  'app.profile.groupallowlistclaims == null ? {} : (Arrays.contains(app.profile.groupallowlistclaims, "default/access/groups") ? getFilteredGroups(app.profile.groupallowlist, "group.name", app.profile.groupallowlistlimit == null ? 100 : app.profile.groupallowlistlimit) : {})';

describe("recognising the project's expressions", () => {
  test('the org-server forms, exactly as the project writes them', () => {
    expect(recogniseOrgExpression('getFilteredGroups(app.profile.groupallowlist, "group.id", 3)')).toEqual({
      kind: 'static',
      value: 'id',
      limit: 3,
    });
    expect(recogniseOrgExpression('Groups.endsWith("active_directory", "-Admins", 10)')).toEqual({
      kind: 'dynamic',
      match: 'endsWith',
      source: 'active_directory',
      pattern: '-Admins',
      limit: 10,
    });
  });
  test("another spacing, a fallback or a literal list is not the project's (the apply would rewrite it)", () => {
    for (const other of [
      'getFilteredGroups(app.profile.groupallowlist,"group.name",3)',
      'Groups.startsWith("OKTA", "IT", 10) ?: {}',
      'getFilteredGroups({"00g00000000000000001"}, "group.name", 1)',
      'getFilteredGroups(app.profile.other, "group.name", 3)',
    ]) {
      expect(recogniseOrgExpression(other)).toBeUndefined();
    }
  });
  test('a shared claim only with its own guard', () => {
    expect(guardedClaimId(GUARDED)).toBe('default/access/groups');
    expect(recogniseSharedExpression(GUARDED, 'default/access/groups')).toEqual({ kind: 'static', value: 'name' });
    expect(recogniseSharedExpression(GUARDED, 'default/id/groups')).toBeUndefined();
  });
});

describe('mapApp', () => {
  test('a static org-server claim: unique names become names, others keep their ID, settings as Okta holds them', () => {
    const result = mapApp(
      app({ groupallowlist: [G1, G2] }, { consent_method: 'REQUIRED' }),
      orgClaim('getFilteredGroups(app.profile.groupallowlist, "group.name", 2)'),
      context(),
    );
    expect(result.reasons).toEqual([]);
    expect(result.file).toMatchObject({
      environments: ['dev'],
      app: {
        label: 'Sales Portal',
        type: 'web',
        importIds: { dev: '0oa00000000000000001' },
        pkceRequired: true,
        tokenEndpointAuthMethod: 'client_secret_basic',
        consentMethod: 'REQUIRED',
        issuerMode: 'ORG_URL',
        hideWeb: true,
        hideIos: true,
      },
      allowlist: { groups: ['Sales Leads', G2] },
      claims: [{ server: 'org', name: 'groups', value: 'name', limit: 2 }],
    });
  });

  test('a FILTER claim, an unknown expression, foreign profile keys and unknown grants are reasons', () => {
    const filter = mapApp(app(), { name: 'groups', value: 'Sales', valueType: 'GROUPS', groupFilterType: 'STARTS_WITH' }, context());
    expect(filter.file).toBeUndefined();
    expect(filter.reasons.join('\n')).toMatch(/is a FILTER \(STARTS_WITH "Sales"\)/);
    expect(mapApp(app(), orgClaim('Groups.startsWith("OKTA","IT",10)'), context()).reasons.join('\n')).toMatch(
      /an expression the project does not generate/,
    );
    const extra = mapApp(
      app(
        { groupallowlist: [G1], costCenter: 'x' },
        { grant_types: ['authorization_code', 'urn:ietf:params:oauth:grant-type:saml2-bearer'] },
      ),
      orgClaim('getFilteredGroups(app.profile.groupallowlist, "group.name", 1)'),
      context(),
    );
    expect(extra.file).toBeDefined();
    expect(extra.reasons.join('\n')).toMatch(/profile key\(s\) costCenter/);
    expect(extra.reasons.join('\n')).toMatch(/saml2-bearer cannot be written/);
  });

  test('a group the org does not have, and an app no claim serves, are reasons', () => {
    expect(
      mapApp(
        app({ groupallowlist: ['00g0000000000000000x'] }),
        orgClaim('getFilteredGroups(app.profile.groupallowlist, "group.name", 1)'),
        context(),
      ).reasons.join('\n'),
    ).toMatch(/not a group of this org/);
    expect(mapApp(app(), undefined, context()).reasons).toEqual([
      'no groups claim serves this app (an allow-list file describes at least one claim)',
    ]);
  });

  test("the project's shared claim the profile opts into maps back, when a file already manages it", () => {
    const claims = server([
      { name: 'groups', claimType: 'RESOURCE', valueType: 'EXPRESSION', value: GUARDED, conditions: { scopes: ['groups'] } },
    ]);
    const profile = { groupallowlist: [G1], groupallowlistlimit: 3, groupallowlistclaims: ['default/access/groups'] };
    const managed = mapApp(app(profile), undefined, context([claims], ['default/access/groups']));
    expect(managed.reasons).toEqual([]);
    expect(managed.file?.claims).toEqual([
      { server: 'default', name: 'groups', token: 'access', value: 'name', limit: 3, scopes: ['groups'] },
    ]);
    const unmanaged = mapApp(app(profile), undefined, context([claims]));
    expect(unmanaged.reasons.join('\n')).toMatch(/no allow-list file asks for "default\/access\/groups" yet/);
  });

  test("a hand-made claim reading the app's profile serves it and every app with that key: reported, with those apps", () => {
    const plain = server([
      {
        name: 'legacy',
        claimType: 'IDENTITY',
        valueType: 'EXPRESSION',
        value: 'getFilteredGroups(app.profile.groupallowlist, "group.name", 40)',
      },
    ]);
    const other = app({ groupallowlist: [G2] }, {}, 'Other App');
    const result = mapApp(app({ groupallowlist: [G1] }), orgClaim('getFilteredGroups(app.profile.groupallowlist, "group.name", 1)'), {
      ...context([plain]),
      apps: [{ ...other, id: '0oa00000000000000002' }],
    });
    expect(result.reasons.join('\n')).toMatch(
      /claim "legacy" \(id token\)[^]*without the project's Arrays\.contains guard[^]*also every other app with that profile key \("Other App"\)/,
    );
  });
});

describe('fileKeyFor and checkOrg', () => {
  test('keys from labels, accents dropped, a suffix for a label taken in the same run', () => {
    expect(fileKeyFor('Équipe Paie — Portal', new Set())).toBe('equipe-paie-portal');
    expect(fileKeyFor('365 Tool', new Set())).toBe('app-365-tool');
    expect(fileKeyFor('Sales', new Set(['sales']))).toBe('sales-2');
  });
  test('unmanaged apps and unasked claims on declared servers', () => {
    const claims = server([
      { name: 'groups', claimType: 'RESOURCE', value: GUARDED },
      { name: 'legacy', claimType: 'IDENTITY', value: 'x' },
    ]);
    const report = checkOrg(
      [app(), app(undefined, {}, 'Managed')],
      [{ server: claims, declaredAs: 'default' }],
      { keysByLabel: new Map([['Managed', ['managed']]]), importIds: new Set() },
      new Set(['default/access/groups']),
    );
    expect(report.unmanagedApps.map((a) => a.label)).toEqual(['Sales Portal']);
    expect(report.unaskedClaims.map((c) => c.claim.name)).toEqual(['legacy']);
  });
});
