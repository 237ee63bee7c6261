import { RunningEmulator } from '../emulator';
import { batchGroupSearches, encodedLength, groupSearchExpression, GROUP_SEARCH_MAX_ENCODED_LENGTH } from '../lib/okta/group-search';
import { appsByLabel, groupIdsByName, profileOf, startOrg } from './harness/org';
import { planAndApply, Workspace } from './harness/workspace';
import { devEnvironments, DEV_HOST, SMALL_GROUPS, webApp } from './fixtures/small-project';

/**
 * Forty long non-ASCII group names resolve through the real provider's `okta_groups` searches.
 * In one search they would percent-encode to about 30 KB of URL, which the emulator's HTTP server
 * refuses as Okta's front end would (431/414); batched by encoded length, every search fits.
 */
describe('group searches of long non-ASCII names', () => {
  const names = Array.from({ length: 40 }, (_, i) => `Équipe ${'Ünïcødé'.repeat(26)} ${String(i).padStart(2, '0')}`);
  let org: RunningEmulator;
  let workspace: Workspace;

  beforeAll(async () => {
    org = await startOrg(DEV_HOST, { seed: { groups: [...SMALL_GROUPS, ...names.map((name) => ({ name }))] } });
    workspace = Workspace.of({ dev: org.env('https-proxy') }, devEnvironments(), { payroll: webApp('Payroll Portal', names) });
    workspace.synth();
  });

  afterAll(async () => {
    await org?.stop();
    workspace?.dispose();
  });

  test('every name resolves and the profile holds their IDs in file order', async () => {
    expect(encodedLength(groupSearchExpression(names.map((reference) => ({ reference, isId: false }))))).toBeGreaterThan(25_000);
    await planAndApply(workspace, 'dev--payroll');
    const ids = groupIdsByName(org);
    const app = appsByLabel(org).get('Payroll Portal');
    expect(app).toBeDefined();
    expect(profileOf(app!).groupallowlist).toEqual(names.map((name) => ids.get(name)));
    const searches = org.log.filter(
      (entry) => entry.method === 'GET' && entry.path === '/api/v1/groups' && entry.query.includes('search='),
    );
    const batches = batchGroupSearches(names.map((reference) => ({ reference, isId: false })));
    expect(batches.length).toBeGreaterThan(5);
    expect(searches).toHaveLength(batches.length);
    for (const search of searches) expect(search.query.length).toBeLessThan(GROUP_SEARCH_MAX_ENCODED_LENGTH + 100);
  });
});
