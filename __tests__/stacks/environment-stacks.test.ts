import { loadProject, Project } from '../../lib/load/load-project';
import { allowlist, environments, projectOf } from '../helpers/fixture';
import { synthStacks as synthAll } from '../helpers/synth';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const owned = (json: Json, type: string): string[] => Object.keys(json.resource?.[type] ?? {});
/** The `removed` blocks of one resource type. */
const removedOf = (json: Json, type: string): Json[] => (json.removed ?? []).filter((r: Json) => r.from.startsWith(`${type}.`));

describe('the shipped samples', () => {
  const stacks = synthAll(loadProject().project!);

  test('each environment has a shared stack and one stack per owning team', () => {
    expect([...stacks.keys()]).toEqual([
      'dev--shared',
      'dev--finance-apps',
      'dev--it-operations',
      'dev--payroll',
      'dev--people-systems',
      'prod--shared',
      'prod--finance-apps',
      'prod--it-operations',
      'prod--partner-engineering',
      'prod--payroll',
      'prod--people-systems',
    ]);
  });

  test.each([...stacks.keys()])('%s synthesizes to the expected Terraform JSON', (name) => {
    expect(stacks.get(name)).toMatchSnapshot();
  });

  test('no Okta object is owned by two stacks: apps live in their shard, claims and scopes in the shared stack', () => {
    for (const environment of ['dev', 'prod']) {
      const mine = [...stacks.entries()].filter(([name]) => name.startsWith(`${environment}--`));
      const apps = mine.flatMap(([, json]) => owned(json, 'okta_app_oauth'));
      expect(new Set(apps).size).toBe(apps.length);
      for (const [name, json] of mine) {
        if (name.endsWith('--shared')) {
          // The samples declare custom-server claims in every environment, so an empty shared stack is a bug.
          expect(owned(json, 'okta_auth_server_claim').length).toBeGreaterThan(0);
          expect(owned(json, 'okta_app_oauth')).toEqual([]);
        } else {
          expect(owned(json, 'okta_auth_server_claim')).toEqual([]);
          expect(owned(json, 'okta_auth_server_scope')).toEqual([]);
        }
      }
    }
  });

  test('a claim restricted to a managed groups scope is created after the scope', () => {
    const shared = stacks.get('dev--shared')!;
    expect(shared.resource.okta_auth_server_claim.default_access_groups.depends_on).toEqual(['okta_auth_server_scope.default_groups']);
    // A claim whose files name no scopes is restricted to "groups" on a server not dedicated to managed apps.
    expect(shared.resource.okta_auth_server_claim.default_id_groups).toMatchObject({
      scopes: ['groups'],
      depends_on: ['okta_auth_server_scope.default_groups'],
    });
  });

  test('prod: apps sharing a custom-server claim get ONE claim resource', () => {
    const claims = Object.values(stacks.get('prod--shared')!.resource.okta_auth_server_claim) as { name: string; claim_type: string }[];
    expect(claims.map((c) => `${c.name}/${c.claim_type}`).sort()).toEqual([
      'groups/IDENTITY',
      'groups/RESOURCE',
      'it_groups/RESOURCE',
      'partner_groups/IDENTITY',
      'partner_groups/RESOURCE',
    ]);
  });

  test("every stack shares the environment's API budget and takes no credential from the repository", () => {
    // prod: maxApiCapacity 40, the same for every stack (the provider compares it with org-wide use).
    expect(stacks.get('prod--payroll')!.provider.okta[0]).toEqual({
      org_name: 'acme',
      base_url: 'okta.com',
      max_api_capacity: 40,
      backoff: true,
      min_wait_seconds: 30,
      max_wait_seconds: 300,
      max_retries: 8,
    });
  });

  test('each stack keeps its own state in the shared, locking S3 backend that the sample shows', () => {
    const s3 = {
      bucket: 'acme-okta-terraform-state',
      key: 'okta/prod/prod--payroll.tfstate',
      region: 'eu-west-1',
      use_lockfile: true,
      encrypt: true,
    };
    expect(stacks.get('prod--payroll')!.terraform.backend.s3).toEqual(s3);
    expect(stacks.get('prod--payroll')!.data.terraform_remote_state.last_applied.config).toEqual(s3);
  });

  test('a shard looks up only the groups of its own apps', () => {
    const search = stacks.get('prod--people-systems')!.data.okta_groups.groups_0.search as string;
    expect(search).toBe(
      'profile.name eq "HR Business Partners" or profile.name eq "Payroll Users" or profile.name eq "People \\"Ops\\" Leads"',
    );
  });
});

describe('shard assignment', () => {
  const two = (shardBy?: 'owner' | 'single') => ({ ...environments(), ...(shardBy ? { shardBy } : {}) });

  test('an explicit "shard" wins over the owning team; "single" puts the rest together', () => {
    const files = {
      'a.json': allowlist(),
      'b.json': allowlist({ owners: ['@acme/hr'], shard: 'people' }),
      'c.json': allowlist({ owners: ['@alice'] }),
    };
    const byShard = (project: Project) => Object.fromEntries(project.plans[0].shards.map((s) => [s.name, s.apps.map((a) => a.app.key)]));
    expect(byShard(projectOf(files, two()))).toEqual({ alice: ['c'], payroll: ['a'], people: ['b'] });
    expect(byShard(projectOf(files, two('single')))).toEqual({ apps: ['a', 'c'], people: ['b'] });
  });

  test('adding apps or shards never moves an existing app', () => {
    const before = projectOf({ 'a.json': allowlist(), 'b.json': allowlist({ owners: ['@acme/hr'] }) });
    const after = projectOf({
      'a.json': allowlist(),
      'b.json': allowlist({ owners: ['@acme/hr'] }),
      'aa-first.json': allowlist({ owners: ['@acme/aaa'] }),
      'z.json': allowlist({ owners: ['@acme/payroll'] }),
      'x.json': allowlist({ shard: 'new-shard' }),
    });
    const shardOfKey = (project: Project, key: string) => project.apps.find((a) => a.key === key)!.shard;
    for (const key of ['a', 'b']) expect(shardOfKey(after, key)).toBe(shardOfKey(before, key));
  });

  test('a backend shared by several stacks must give each its own state', () => {
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const envs = environments({
      dev: {
        ...dev,
        backend: { type: 's3', config: { bucket: 'b', key: 'okta/dev/{stack}.tfstate', region: 'eu-west-1', useLockfile: true } },
      },
    });
    const stacks = synthAll(projectOf({ 'a.json': allowlist({ environments: ['dev'] }) }, envs));
    expect(stacks.get('dev--payroll')!.terraform.backend.s3).toEqual({
      bucket: 'b',
      key: 'okta/dev/dev--payroll.tfstate',
      region: 'eu-west-1',
      use_lockfile: true,
    });
    expect(stacks.get('dev--shared')!.terraform.backend.s3.key).toBe('okta/dev/dev--shared.tfstate');
    expect(stacks.get('dev--payroll')!.data.terraform_remote_state.last_applied).toMatchObject({
      backend: 's3',
      config: { key: 'okta/dev/dev--payroll.tfstate' },
    });
  });

  test('an HCP Terraform (cloud) workspace per stack, read back through the remote backend', () => {
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const envs = environments({
      dev: { ...dev, backend: { type: 'cloud', config: { organization: 'acme', workspaces: { name: 'okta-{stack}' } } } },
    });
    const stacks = synthAll(projectOf({ 'a.json': allowlist({ environments: ['dev'] }) }, envs));
    expect(stacks.get('dev--payroll')!.terraform.cloud).toEqual({ organization: 'acme', workspaces: { name: 'okta-dev--payroll' } });
    expect(stacks.get('dev--payroll')!.data.terraform_remote_state.last_applied).toMatchObject({
      backend: 'remote',
      config: { organization: 'acme', workspaces: { name: 'okta-dev--payroll' } },
    });
  });

  test('OAuth 2.0 authentication sets the service-app scopes on every stack', () => {
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const envs = environments({ dev: { ...dev, auth: { method: 'oauth' } } });
    const stacks = synthAll(projectOf({ 'a.json': allowlist({ claims: [{ server: 'default' }] }) }, envs));
    expect(stacks.get('dev--shared')!.provider.okta[0].scopes).toEqual([
      'okta.apps.manage',
      'okta.groups.read',
      'okta.authorizationServers.manage',
      'okta.policies.read',
    ]);
  });
});

describe('shared claims', () => {
  test('a claim that no file asks for any more fails the plan unless the environments file lists it in removedClaims', () => {
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const files = { 'a.json': allowlist({ claims: [{ server: 'org' }, { server: 'default', token: 'access' }] }) };
    const guarded = synthAll(projectOf(files)).get('dev--shared')!;
    expect(guarded.output.managed_claims.value).toEqual(['default/access/groups']);
    expect(guarded.output.managed_claims.precondition.condition).toBe(
      '${length(setsubtract(toset((var.first_apply ? [] : data.terraform_remote_state.last_applied[0].outputs.managed_claims)), toset(["default/access/groups"]))) == 0}',
    );
    expect(guarded.output.managed_claims.precondition.error_message).toMatch(/^Shared claim\(s\) \$\{join\(", ", sort\(setsubtract\(/);
    expect(guarded.output.managed_claims.precondition.error_message).toContain('authorizationServers.<server>.removedClaims');

    const envs = environments({
      dev: {
        ...dev,
        authorizationServers: {
          default: { id: 'default', dedicatedToManagedApps: true, removedClaims: [{ name: 'groups', token: 'id' }] },
        },
      },
    });
    const removing = synthAll(projectOf(files, envs)).get('dev--shared')!;
    expect(removing.output.managed_claims.precondition.condition).toContain('toset(["default/access/groups", "default/id/groups"])');
  });
});

describe('retiring and moving apps', () => {
  test("forget writes a removed block, destroy drops the app; both are accepted by the guard, in the app's shard only", () => {
    const files = {
      'a.json': allowlist(),
      'legacy.json': allowlist({ retire: { dev: 'forget' } }),
      'old.json': allowlist({ retire: { dev: 'destroy' } }),
    };
    const stacks = synthAll(projectOf(files));
    const payroll = stacks.get('dev--payroll')!;
    expect(owned(payroll, 'okta_app_oauth')).toEqual(['a']);
    expect(removedOf(payroll, 'okta_app_oauth')).toEqual([{ from: 'okta_app_oauth.legacy', lifecycle: { destroy: false } }]);
    expect(payroll.output.managed_apps.precondition.condition).toContain('toset(["a", "legacy", "old"])');
    expect(owned(stacks.get('prod--payroll')!, 'okta_app_oauth').sort()).toEqual(['a', 'legacy', 'old']);
  });

  test('previousShard moves an app: the old shard forgets it and keeps its ID, the new one imports that ID', () => {
    const files = { 'stay.json': allowlist(), 'mover.json': allowlist({ shard: 'finance', previousShard: 'payroll' }) };
    const stacks = synthAll(projectOf(files));
    const from = stacks.get('dev--payroll')!;
    const to = stacks.get('dev--finance')!;
    expect(owned(from, 'okta_app_oauth')).toEqual(['stay']);
    expect(removedOf(from, 'okta_app_oauth')).toEqual([{ from: 'okta_app_oauth.mover', lifecycle: { destroy: false } }]);
    expect(from.output.managed_apps.precondition.condition).toContain('toset(["stay", "mover"])');
    expect(from.output.app_ids.value.mover).toBe(
      '${lookup((var.first_apply ? {} : data.terraform_remote_state.last_applied[0].outputs.app_ids), "mover", null)}',
    );
    expect(owned(to, 'okta_app_oauth')).toEqual(['mover']);
    expect(to.import).toEqual([
      { to: 'okta_app_oauth.mover', id: '${data.terraform_remote_state.shard_payroll.outputs.app_ids["mover"]}' },
    ]);
    expect(to.data.terraform_remote_state.shard_payroll.config).toEqual({ path: '../../../terraform.dev--payroll.tfstate' });
  });

  test('a shard whose last app moved away stays, so it can forget the app', () => {
    const stacks = synthAll(projectOf({ 'mover.json': allowlist({ shard: 'finance', previousShard: 'payroll' }) }));
    expect([...stacks.keys()]).toContain('dev--payroll');
  });
});

describe('managed access policy', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const envs = environments({
    dev: { ...dev, authorizationServers: { default: { id: 'default', manageGroupsScope: true, access: { mode: 'managed' } } } },
  });

  test('a renamed or moved app is found under its old key or shard until its shard applies, so it keeps its tokens', () => {
    const claims = [{ server: 'default', token: 'access' }];
    const files = {
      'b.json': allowlist({ environments: ['dev'], previousKeys: ['a'], claims }),
      'c.json': allowlist({ environments: ['dev'], shard: 'people', previousShard: 'payroll', claims }),
    };
    const shared = synthAll(projectOf(files, envs)).get('dev--shared')!;
    const lookup = (shard: string, key: string) =>
      `lookup(try(data.terraform_remote_state.shard_${shard}[0].outputs.client_ids, {}), "${key}", "")`;
    expect(shared.locals.default_access_clients).toBe(
      `\${sort(compact([try(coalesce(${lookup('payroll', 'b')}, ${lookup('payroll', 'a')}), ""), try(coalesce(${lookup('people', 'c')}, ${lookup('payroll', 'c')}), "")]))}`,
    );
    expect(shared.output.access_shards.value).toEqual(['payroll', 'people']);
  });
});

describe('group assignments (who may sign in)', () => {
  const forget = (key: string) => ({ from: `okta_app_group_assignments.${key}`, lifecycle: { destroy: false } });

  test('assignments.groups assigns exactly those groups, names resolved by the exact-name search, and cannot be destroyed', () => {
    const stacks = synthAll(projectOf({ 'a.json': allowlist({ assignments: { groups: ['Payroll Staff', '00g1a2b3c4d5e6f7g8h9'] } }) }));
    const payroll = stacks.get('dev--payroll')!;
    expect(payroll.resource.okta_app_group_assignments.a).toEqual({
      app_id: '${okta_app_oauth.a.id}',
      group: [
        { id: '${local.group_ids["Payroll Staff"][0]}', profile: '{}' },
        { id: '${"00g1a2b3c4d5e6f7g8h9"}', profile: '{}' },
      ],
      lifecycle: { prevent_destroy: true },
    });
    expect(payroll.data.okta_groups.groups_0.search).toContain('profile.name eq "Payroll Staff"');
    expect(payroll.locals.groups_0_names).toMatch(/"Payroll Staff" = "[^"]*allowlists\/a\.json \(assignments\)"/);
    expect(removedOf(payroll, 'okta_app_group_assignments')).toEqual([]);
  });

  test('fromAllowlist assigns the static allow list', () => {
    const payroll = synthAll(projectOf({ 'a.json': allowlist({ assignments: { fromAllowlist: true } }) })).get('dev--payroll')!;
    expect(payroll.resource.okta_app_group_assignments.a.group.map((g: Json) => g.id)).toEqual([
      '${local.group_ids["Payroll Admins"][0]}',
      '${local.group_ids["Payroll Users"][0]}',
    ]);
  });

  test('an app without assignments never gets the resource; any assignments an earlier apply managed are forgotten, not deleted', () => {
    const payroll = synthAll(projectOf({ 'a.json': allowlist() })).get('dev--payroll')!;
    expect(owned(payroll, 'okta_app_group_assignments')).toEqual([]);
    expect(removedOf(payroll, 'okta_app_group_assignments')).toEqual([forget('a')]);
  });

  test('an adopted app imports its assignments, so hand-made ones show in the first plan', () => {
    const file = allowlist({
      app: { ...(allowlist().app as Json), importIds: { dev: '0oa1b2c3d4e5f6g7h8i9' } },
      assignments: { fromAllowlist: true },
    });
    const payroll = synthAll(projectOf({ 'a.json': file })).get('dev--payroll')!;
    expect(payroll.import).toContainEqual({ to: 'okta_app_group_assignments.a', id: '0oa1b2c3d4e5f6g7h8i9' });
  });

  test('moving and renaming carry the assignments along instead of deleting them', () => {
    const files = {
      'mover.json': allowlist({ shard: 'finance', previousShard: 'payroll', assignments: { fromAllowlist: true } }),
      'new.json': allowlist({ previousKeys: ['old'], assignments: { fromAllowlist: true } }),
    };
    const stacks = synthAll(projectOf(files));
    expect(removedOf(stacks.get('dev--payroll')!, 'okta_app_group_assignments')).toEqual([forget('mover')]);
    expect(stacks.get('dev--payroll')!.moved).toContainEqual({
      from: 'okta_app_group_assignments.old',
      to: 'okta_app_group_assignments.new',
    });
    expect(stacks.get('dev--finance')!.import).toContainEqual({
      to: 'okta_app_group_assignments.mover',
      id: '${data.terraform_remote_state.shard_payroll.outputs.app_ids["mover"]}',
    });
  });
});
