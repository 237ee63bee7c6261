import { environmentOf, environmentsModelOf } from '../../lib/model/environment';
import { EnvironmentData, EnvironmentsFileData } from '../../lib/model/environments-file';

const minimal = { orgName: 'acme', baseUrl: 'okta.com', auth: { method: 'api_token' }, backend: { type: 'local' } } as const;
const environment = (changes: Partial<EnvironmentData> = {}) => environmentOf('dev', { ...minimal, ...changes } as EnvironmentData);
const server = (settings: Record<string, unknown>) =>
  environment({ authorizationServers: { partners: settings } } as Partial<EnvironmentData>).servers.get('partners')!;

describe('environmentsModelOf', () => {
  test('apps are sharded by owner unless the file says "single"', () => {
    const file = { environments: { dev: minimal } } as unknown as EnvironmentsFileData;
    expect(environmentsModelOf(file).shardBy).toBe('owner');
    expect(environmentsModelOf({ ...file, shardBy: 'single' }).shardBy).toBe('single');
  });

  test('environments keep the apply order of the file', () => {
    const file = { environments: { dev: minimal, prod: minimal } } as unknown as EnvironmentsFileData;
    expect([...environmentsModelOf(file).environments.keys()]).toEqual(['dev', 'prod']);
  });
});

describe('environmentOf defaults', () => {
  test('an OAuth service app asks for the scopes this project needs; given scopes replace them; an API token has none', () => {
    expect(environment({ auth: { method: 'oauth' } }).auth).toEqual({
      method: 'oauth',
      scopes: ['okta.apps.manage', 'okta.groups.read', 'okta.authorizationServers.manage', 'okta.policies.read'],
    });
    expect(environment({ auth: { method: 'oauth', scopes: ['okta.apps.read'] } }).auth).toEqual({
      method: 'oauth',
      scopes: ['okta.apps.read'],
    });
    expect(environment().auth).toEqual({ method: 'api_token' });
  });

  test('the API budget is 50 percent and 4 stacks run at once, with back-off', () => {
    const { rateLimits } = environment();
    expect([rateLimits.maxApiCapacity, rateLimits.parallelJobs, rateLimits.backoff]).toEqual([50, 4, true]);
    const given = environment({ rateLimits: { maxApiCapacity: 20, parallelJobs: 2, backoff: false } }).rateLimits;
    expect([given.maxApiCapacity, given.parallelJobs, given.backoff]).toEqual([20, 2, false]);
  });

  test("the provider's retry defaults say they are defaults, and where they would be given", () => {
    const { rateLimits } = environment();
    expect(rateLimits.minWaitSeconds).toEqual({ value: 30, given: false, path: ['environments', 'dev', 'rateLimits', 'minWaitSeconds'] });
    expect(rateLimits.maxWaitSeconds).toMatchObject({ value: 300, given: false });
    expect(rateLimits.maxRetries).toMatchObject({ value: 5, given: false });
    expect(rateLimits.requestTimeout).toMatchObject({ value: 0, given: false });
    const given = environment({ rateLimits: { minWaitSeconds: 10, requestTimeout: 0 } }).rateLimits;
    expect(given.minWaitSeconds).toMatchObject({ value: 10, given: true });
    expect(given.requestTimeout).toMatchObject({ value: 0, given: true });
  });

  test('a backend without config has empty settings', () => {
    expect(environment().backend).toEqual({ type: 'local', config: {} });
  });

  test('no authorization servers unless declared, in the order the file declares them', () => {
    expect(environment().servers.size).toBe(0);
    const servers = environment({ authorizationServers: { b: { id: 'b' }, a: { id: 'a' } } }).servers;
    expect([...servers.keys()]).toEqual(['b', 'a']);
  });

  test('a server is found by its ID, or by its lookup name', () => {
    expect(server({ id: 'aus1' }).reference).toEqual({ by: 'id', id: 'aus1' });
    expect(server({ lookupName: 'Partner API' }).reference).toEqual({ by: 'name', lookupName: 'Partner API' });
  });

  test('a server manages no scope, declares none, and is not dedicated to managed apps unless it says so', () => {
    expect(server({ id: 'a' })).toMatchObject({
      manageGroupsScope: false,
      existingScopes: [],
      dedicatedToManagedApps: false,
      removedClaims: [],
    });
  });

  test('access is unchecked by default; a managed policy is "Allow-listed apps" at priority 1; verified checks the Default Policy', () => {
    expect(server({ id: 'a' }).access).toEqual({
      mode: 'unchecked',
      policyName: 'Allow-listed apps',
      priority: 1,
      checkPolicies: ['Default Policy'],
    });
    expect(server({ id: 'a', access: { mode: 'managed', policyName: 'Ours', priority: 3 } }).access).toMatchObject({
      mode: 'managed',
      policyName: 'Ours',
      priority: 3,
    });
    expect(server({ id: 'a', access: { mode: 'verified', checkPolicies: ['P'] } }).access.checkPolicies).toEqual(['P']);
  });

  test('removed claims are claim identities on their server', () => {
    expect(server({ id: 'a', removedClaims: [{ name: 'groups', token: 'access' }] }).removedClaims).toEqual([
      { server: 'partners', token: 'access', name: 'groups' },
    ]);
  });
});
