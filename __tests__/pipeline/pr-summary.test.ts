import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prSummary } from '../../lib/pipeline/pr-summary';
import { allowlistFile, TempGitRepo } from './temp-git-repo';

const fixtures = join(__dirname, 'fixtures');
let repo: TempGitRepo;
beforeEach(() => (repo = new TempGitRepo()));
afterEach(() => repo.remove());

test('the comment of a sample change says which groups reach which tokens and what gets destroyed', () => {
  const base = repo.commit({ 'payroll.json': allowlistFile() });
  const head = repo.commit({
    'payroll.json': allowlistFile({
      allowlist: { groups: ['Payroll Admins', 'Payroll Users', 'Payroll Auditors'] },
      claims: [{ server: 'org' }, { server: 'default', token: 'access', scopes: ['groups'] }],
    }),
  });
  const planText = join(repo.dir, 'plan.txt');
  writeFileSync(planText, '# okta_app_oauth.payroll must be replaced\n');
  const affected = {
    planned: [
      { environment: 'dev', stack: 'dev--payroll', reason: 'its Terraform changes' },
      { environment: 'prod', stack: 'prod--payroll', reason: 'its Terraform changes' },
    ],
    skipped: [{ environment: 'dev', stack: 'dev--shared', reason: 'its Terraform is unchanged by this pull request' }],
    orphaned: [],
  };
  const body = prSummary({
    environment: 'dev',
    base,
    head,
    repository: repo.dir,
    affected,
    plans: [{ stack: 'dev--payroll', planJsonFile: join(fixtures, 'plan-destructive.json'), planTextFile: planText }],
  });
  expect(body).toContain('- **payroll** (changed)\n  - groups added: "Payroll Auditors"');
  expect(body).toContain(
    '    - access token from server "default", claim "groups", when scope groups is requested: group names of the user\'s groups among "Payroll Admins", "Payroll Users", "Payroll Auditors", at most 3',
  );
  expect(body).toContain('dev--payroll: REPLACES (deletes, then creates anew) Okta app "Payroll Portal"');
  expect(body).toContain('| `dev--payroll` | 0 | 0 | 1 | 1 | 1 | 0 | its Terraform changes |');
  expect(body).toContain('- its Terraform is unchanged by this pull request: `dev--shared`');
  expect(body).not.toContain('prod--payroll');
  expect(body).toContain('```text\n# okta_app_oauth.payroll must be replaced\n```\n</details>');
});

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', '..', 'cli', 'pr-summary.ts'), ...args], { encoding: 'utf8', cwd: repo.dir });

test('the command renders several stacks of a drift run, failed ones included', () => {
  repo.commit({ 'payroll.json': allowlistFile() });
  const result = cli(
    '--environment', 'prod', '--purpose', 'drift',
    '--plan', `prod--payroll=${join(fixtures, 'plan-import.json')}`,
    '--plan', `prod--shared=${join(fixtures, 'plan-no-changes.json')}`,
    '--plan-failed', 'prod--finance-apps',
  );
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('<!-- okta-groups-claims:drift:prod -->\n## Okta drift: `prod`');
  expect(result.stdout).toContain('| `prod--finance-apps` **(plan failed)** | – | – | – | – | – | – |\n| `prod--payroll` | 1 | 1 | 1 | 0 | 0 | 1 |\n| `prod--shared` | 0 | 0 | 0 | 0 | 0 | 0 |');
});

test('the command refuses a --plan without its stack name', () => {
  const result = cli('--environment', 'dev', '--plan', 'plan.json');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--plan must be <stack>=<file>, e.g. dev--payroll=plan.json, but got "plan.json"/);
});

test('the command refuses a missing --environment with exit code 2', () => {
  const result = cli('--plan', 'dev--payroll=x.json');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--environment must name the environment/);
});
