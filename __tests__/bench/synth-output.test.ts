import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    const search0 = ['profile.name eq "Sales or Marketing"', 'profile.name eq "People \\"Ops\\" Leads"', 'id eq "00g1a2b3c4d5e6f7g8h9"'].join(' or ');
    const search1 = ['profile.name eq "Cost $${center}"', 'profile.name eq "Équipe"'].join(' or ');
    writeStack('prod', {
      resource: { okta_app_oauth: { a: {}, b: {} }, okta_auth_server_claim: { c: {} } },
      data: { okta_groups: { groups_0: { search: search0 }, groups_1: { search: search1 } }, okta_auth_server: { partners: {} } },
    });
    writeStack('dev', { resource: { okta_app_oauth: { a: {} } } });

    const output = describeSynthOutput(outdir);

    expect(output).toMatchObject({ resources: 4, dataSources: 3 });
    expect(output.bytes).toBeGreaterThan(0);
    expect(output.plans).toEqual([
      { environment: 'dev', distinctGroups: 0, searches: 0, searchRequests: 0 },
      { environment: 'prod', distinctGroups: 5, searches: 2, searchRequests: 2 },
    ]);
  });
});
