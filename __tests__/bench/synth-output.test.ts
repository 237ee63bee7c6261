import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OKTA_GROUPS_PAGE_SIZE } from '../../bench/okta-requests';
import { describeSynthOutput } from '../../bench/synth-output';

describe('describeSynthOutput', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'synth-output-'));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  const writeStack = (environment: string, stack: unknown): void => {
    mkdirSync(join(outdir, 'stacks', environment), { recursive: true });
    writeFileSync(join(outdir, 'stacks', environment, 'cdk.tf.json'), JSON.stringify(stack));
  };

  it('counts resources, data sources and the groups each plan searches for', () => {
    // Names holding " or ", quotes and a template-escaped "${" must each count once.
    const search0 = [
      'profile.name eq "Sales or Marketing"',
      'profile.name eq "People \\"Ops\\" Leads"',
      'id eq "00g1a2b3c4d5e6f7g8h9"',
    ].join(' or ');
    const search1 = ['profile.name eq "Cost $${center}"', 'profile.name eq "Équipe"'].join(' or ');
    writeStack('prod--payroll', {
      resource: { okta_app_oauth: { a: {}, b: {} } },
      data: { okta_groups: { groups_0: { search: search0 } } },
    });
    writeStack('prod--hr', { resource: { okta_app_oauth: { h: {} } }, data: { okta_groups: { groups_0: { search: search1 } } } });
    writeStack('prod--shared', { resource: { okta_auth_server_claim: { c: {} } }, data: { okta_auth_server: { partners: {} } } });
    writeStack('dev--payroll', { provider: { okta: [{ scopes: ['okta.apps.manage'] }] }, resource: { okta_app_oauth: { a: {} } } });

    const output = describeSynthOutput(outdir);

    expect(output).toMatchObject({ resources: 5, dataSources: 3 });
    expect(output.bytes).toBeGreaterThan(0);
    // Group resolution adds up over an environment's stacks.
    expect(output.plans).toEqual([
      { environment: 'dev', distinctGroups: 0, searches: 0, searchRequests: 0 },
      { environment: 'prod', distinctGroups: 5, searches: 2, searchRequests: 2 },
    ]);
  });

  it("counts the Okta requests of each stack's plan from what it holds", () => {
    writeStack('prod--payroll', {
      resource: { okta_app_oauth: { a: {}, b: {} } },
      data: { okta_groups: { groups_0: { search: 'id eq "x" or profile.name eq "y"' } } },
    });
    writeStack('prod--shared', {
      resource: { okta_auth_server_claim: { c: {}, d: {} }, okta_auth_server_scope: { s: {} } },
      data: { okta_auth_server: { partners: {} } },
    });
    writeStack('dev--payroll', { provider: { okta: [{ scopes: ['okta.apps.manage'] }] }, resource: { okta_app_oauth: { a: {} } } });
    expect(describeSynthOutput(outdir).stacks).toEqual([
      // OAuth 2.0: the provider skips the internal groups-claim read, 1 request per app.
      { stack: 'dev--payroll', environment: 'dev', apps: ['a'], planRequests: 1 + 1 },
      // API token: 2 requests per app, one search.
      { stack: 'prod--payroll', environment: 'prod', apps: ['a', 'b'], planRequests: 1 + 2 * 2 + 1 },
      { stack: 'prod--shared', environment: 'prod', apps: [], planRequests: 1 + 2 + 1 + 1 },
    ]);
  });

  it('counts a full page of groups as one request, also when a group name holds " eq "', () => {
    const names = ['Finance eq Ops', ...Array.from({ length: OKTA_GROUPS_PAGE_SIZE - 1 }, (_, i) => `Group ${i}`)];
    writeStack('prod--payroll', {
      data: { okta_groups: { groups_0: { search: names.map((n) => `profile.name eq "${n}"`).join(' or ') } } },
    });
    const output = describeSynthOutput(outdir);
    expect(output.plans).toEqual([{ environment: 'prod', distinctGroups: OKTA_GROUPS_PAGE_SIZE, searches: 1, searchRequests: 1 }]);
    // The plan's count and the group resolution read the same terms: configure + one page.
    expect(output.stacks[0].planRequests).toBe(1 + 1);
  });
});
