import { allowlist, environments, problemsOf, projectOf } from '../helpers/fixture';
import { synthStacks } from '../helpers/synth';

const pg = (config: Record<string, unknown>) => {
  const envs = environments();
  const dev = (envs.environments as Record<string, Record<string, unknown>>).dev;
  return environments({ dev: { ...dev, backend: { type: 'pg', config } } });
};

describe('the pg backend (PostgreSQL: durable, shared, locked with advisory locks)', () => {
  test('each stack gets its own schema, and the vanish guard reads that same schema', () => {
    const project = projectOf({ 'a.json': allowlist() }, pg({ schemaName: 'okta_{stack}' }));
    const stacks = synthStacks(project);
    const shard = stacks.get('dev--payroll')!;
    expect(shard.terraform.backend).toEqual({ pg: { schema_name: 'okta_dev--payroll' } });
    expect(shard.data.terraform_remote_state.last_applied).toMatchObject({ backend: 'pg', config: { schema_name: 'okta_dev--payroll' } });
    expect(stacks.get('dev--shared')!.terraform.backend).toEqual({ pg: { schema_name: 'okta_dev--shared' } });
  });

  test('a schema name without {stack} would put every stack in one state', () => {
    expect(problemsOf({ 'a.json': allowlist() }, pg({ schemaName: 'okta' })).join('\n')).toMatch(
      /backend.config.schemaName must contain "\{stack\}" so each stack of "dev" has its own state, but got "okta"/,
    );
    expect(problemsOf({ 'a.json': allowlist() }, pg({})).join('\n')).toMatch(
      /backend "pg" of environment "dev" must set "schemaName" in "config"/,
    );
  });

  test('the connection string is a credential: it comes from PG_CONN_STR, never from the file', () => {
    expect(problemsOf({ 'a.json': allowlist() }, pg({ schemaName: 'okta_{stack}', connStr: 'postgres://u:p@db/x' })).join('\n')).toMatch(
      /backend.config.connStr looks like a credential/,
    );
  });
});
