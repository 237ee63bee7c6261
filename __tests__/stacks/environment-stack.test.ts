import { Testing } from 'cdktf';
import { loadProject } from '../../lib/load/load-project';
import { EnvironmentStack } from '../../stacks/environment-stack';
import { allowlist, environments, projectOf } from '../helpers/fixture';

function synthStack(project: ReturnType<typeof projectOf>, environment: string) {
  const app = Testing.app();
  const stack = new EnvironmentStack(app, environment, { plan: project.plans.find((p) => p.name === environment)! });
  return JSON.parse(Testing.synth(stack));
}

describe('EnvironmentStack on the shipped samples', () => {
  const { project } = loadProject();

  test.each(['dev', 'prod'])('%s synthesizes to the expected Terraform JSON', (environment) => {
    expect(synthStack(project!, environment)).toMatchSnapshot();
  });

  test('prod: apps sharing a custom-server claim get ONE claim resource', () => {
    const json = synthStack(project!, 'prod');
    const claims = Object.values(json.resource.okta_auth_server_claim) as { name: string; claim_type: string }[];
    const keys = claims.map((c) => `${c.name}/${c.claim_type}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(['groups/IDENTITY', 'groups/RESOURCE', 'it_groups/RESOURCE', 'partner_groups/IDENTITY', 'partner_groups/RESOURCE']);
  });

  test('the provider takes no credential from the repository', () => {
    const provider = synthStack(project!, 'prod').provider.okta[0];
    expect(provider).toEqual({ org_name: 'acme', base_url: 'okta.com', max_api_capacity: 40, backoff: true, min_wait_seconds: 30, max_wait_seconds: 300, max_retries: 8 });
  });

  test('each distinct group name is looked up once per environment, however many apps use it', () => {
    const json = synthStack(project!, 'prod');
    const searches = Object.values(json.data.okta_groups).map((g) => (g as { search: string }).search).join(' or ');
    expect(searches.match(/profile\.name eq "Payroll Users"/g)).toHaveLength(1);
  });
});

describe('EnvironmentStack settings', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('OAuth 2.0 authentication sets the service-app scopes', () => {
    const envs = environments({ dev: { ...dev, auth: { method: 'oauth' } } });
    const project = projectOf({ 'a.json': allowlist({ environments: ['prod'] }), 'b.json': allowlist({ claims: [{ server: 'default' }] }) }, envs);
    expect(synthStack(project, 'dev').provider.okta[0].scopes).toEqual(['okta.apps.manage', 'okta.groups.read', 'okta.authorizationServers.manage', 'okta.policies.read']);
  });

  test.each([
    ['s3', { bucket: 'b', key: 'okta/dev.tfstate', region: 'eu-west-1', useLockfile: true }, 's3', { bucket: 'b', key: 'okta/dev.tfstate', region: 'eu-west-1', use_lockfile: true }],
    ['gcs', { bucket: 'b', prefix: 'okta' }, 'gcs', { bucket: 'b', prefix: 'okta' }],
  ])('a %s backend is configured and read back with the same settings', (type, config, backendKey, expected) => {
    const envs = environments({ dev: { ...dev, backend: { type, config } } });
    const json = synthStack(projectOf({ 'a.json': allowlist({ claims: [{ server: 'default' }] }) }, envs), 'dev');
    expect(json.terraform.backend[backendKey]).toEqual(expected);
    expect(json.data.terraform_remote_state.last_applied).toMatchObject({ backend: backendKey, config: expected });
  });

  test('an HCP Terraform (cloud) workspace is named, and read back through the remote backend', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 'cloud', config: { organization: 'acme', workspaces: { name: 'okta-dev' } } } } });
    const json = synthStack(projectOf({ 'a.json': allowlist({ claims: [{ server: 'default' }] }) }, envs), 'dev');
    expect(json.terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'okta-dev' } });
    expect(json.data.terraform_remote_state.last_applied).toMatchObject({ backend: 'remote', config: { organization: 'acme', workspaces: { name: 'okta-dev' } } });
  });

  test('retiring an app: forget writes a removed block, destroy drops the app; both are accepted by the guard', () => {
    const files = {
      'a.json': allowlist(),
      'legacy.json': allowlist({ retire: { dev: 'forget' } }),
      'old.json': allowlist({ retire: { dev: 'destroy' } }),
    };
    const json = synthStack(projectOf(files), 'dev');
    expect(Object.keys(json.resource.okta_app_oauth)).toEqual(['a']);
    expect(json.removed).toEqual([{ from: 'okta_app_oauth.legacy', lifecycle: { destroy: false } }]);
    expect(json.output.managed_apps.precondition.condition).toContain('toset(["a", "legacy", "old"])');
    // prod is unaffected by a retirement declared for dev.
    expect(Object.keys(synthStack(projectOf(files), 'prod').resource.okta_app_oauth).sort()).toEqual(['a', 'legacy', 'old']);
  });
});
