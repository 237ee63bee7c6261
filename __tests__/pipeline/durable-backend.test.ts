import { durableBackendProblem } from '../../lib/pipeline/durable-backend';
import { allowlist, environments, problemsOf } from '../helpers/fixture';

const backend = (type: string, settings: Record<string, unknown> = {}) => ({ terraform: { backend: { [type]: settings } } });

describe('durableBackendProblem (CI refuses state that would stay on the runner or cannot lock)', () => {
  test('local is refused, naming the stack, the environments file and what to configure', () => {
    const problem = durableBackendProblem('prod--payroll', backend('local', { path: '../../../terraform.prod--payroll.tfstate' }));
    expect(problem).toMatch(/^prod--payroll uses the "local" backend, which keeps its state on this runner/);
    expect(problem).toContain('set environments.prod.backend in stacks/environments.json to a remote backend with locking');
  });

  test('no backend at all means local, and is refused', () => {
    expect(durableBackendProblem('dev--shared', {})).toMatch(/uses the "local" backend/);
  });

  test('s3 needs its lock file or a DynamoDB table', () => {
    expect(durableBackendProblem('dev--a', backend('s3', { bucket: 'b', key: 'k', region: 'r' }))).toMatch(
      /cannot lock its state: an "s3" backend locks only with "useLockfile": true/,
    );
    expect(durableBackendProblem('dev--a', backend('s3', { bucket: 'b', key: 'k', region: 'r', use_lockfile: true }))).toBeUndefined();
    expect(durableBackendProblem('dev--a', backend('s3', { bucket: 'b', key: 'k', region: 'r', dynamodb_table: 'locks' }))).toBeUndefined();
  });

  test.each(['gcs', 'azurerm', 'remote', 'pg'])('%s keeps durable, locked state', (type) => {
    expect(durableBackendProblem('dev--a', backend(type))).toBeUndefined();
  });

  test('HCP Terraform (the cloud block) keeps durable, locked state', () => {
    expect(durableBackendProblem('dev--a', { terraform: { cloud: { organization: 'acme' } } })).toBeUndefined();
  });
});

describe('validation of the environments file', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const withBackend = (b: unknown) => environments({ dev: { ...dev, backend: b } });
  const lockProblem =
    /backend "s3" of environment "dev" must lock its state with "useLockfile": true \(Terraform 1\.10\+\) or a "dynamodbTable", but it sets neither/;

  test('an S3 backend without a lock is refused', () => {
    expect(
      problemsOf({ 'a.json': allowlist() }, withBackend({ type: 's3', config: { bucket: 'b', key: 'okta/{stack}', region: 'r' } })).join(
        '\n',
      ),
    ).toMatch(lockProblem);
  });

  test.each([
    [
      's3 with its lock file',
      { type: 's3', config: { bucket: 'b', key: 'okta/dev/{stack}.tfstate', region: 'eu-west-1', useLockfile: true, encrypt: true } },
    ],
    [
      's3 with DynamoDB',
      {
        type: 's3',
        config: { bucket: 'b', key: 'okta/dev/{stack}.tfstate', region: 'eu-west-1', dynamodbTable: 'terraform-locks', encrypt: true },
      },
    ],
    ['gcs', { type: 'gcs', config: { bucket: 'acme-okta-state', prefix: 'okta/dev/{stack}' } }],
    [
      'azurerm',
      {
        type: 'azurerm',
        config: {
          resourceGroupName: 'okta',
          storageAccountName: 'acmeoktastate',
          containerName: 'tfstate',
          key: 'okta/dev/{stack}.tfstate',
          useOidc: true,
        },
      },
    ],
    ['cloud', { type: 'cloud', config: { organization: 'acme', workspaces: { name: 'okta-{stack}' } } }],
    ['pg', { type: 'pg', config: { schemaName: 'okta_{stack}' } }],
  ])('the documented %s settings validate', (_name, b) => {
    expect(problemsOf({ 'a.json': allowlist() }, withBackend(b))).toEqual([]);
  });
});
