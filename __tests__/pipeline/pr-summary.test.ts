import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
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
  spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', '..', 'cli', 'pr-summary.ts'), ...args], {
    encoding: 'utf8',
    cwd: repo.dir,
  });

test('the command renders several stacks of a drift run, failed ones included', () => {
  repo.commit({ 'payroll.json': allowlistFile() });
  const result = cli(
    '--environment',
    'prod',
    '--purpose',
    'drift',
    '--plan',
    `prod--payroll=${join(fixtures, 'plan-import.json')}`,
    '--plan',
    `prod--shared=${join(fixtures, 'plan-no-changes.json')}`,
    '--plan-failed',
    'prod--finance-apps',
  );
  expect(result.stderr).toBe('');
  expect(result.stdout).toContain('<!-- okta-groups-claims:drift:prod -->\n## Okta drift: `prod`');
  expect(result.stdout).toContain(
    '| `prod--finance-apps` **(plan failed)** | – | – | – | – | – | – |\n| `prod--payroll` | 1 | 1 | 1 | 0 | 0 | 1 |\n| `prod--shared` | 0 | 0 | 0 | 0 | 0 | 0 |',
  );
});

test('the command refuses a --plan without its stack name', () => {
  const result = cli('--environment', 'dev', '--plan', 'plan.json');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--plan must be <stack>=<file>, e.g. dev--payroll=plan.json, but got "plan.json"/);
});

test('the command refuses a missing --environment with exit code 2', () => {
  const result = cli('--plan', 'dev--payroll=x.json');
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--environment must be given, but it is missing/);
});

describe('the Policy section, from the project loaded at head', () => {
  /** Two apps of one owner over `maxPerOwner: 1` (OKTA-O1 warnings), and a prod-only app that suppresses it. */
  const writeProject = (policy: unknown = { apps: { maxPerOwner: 1 } }) => {
    repo.commit({
      'a.json': allowlistFile(),
      'b.json': allowlistFile({ environments: ['prod'] }),
      'c.json': allowlistFile({
        environments: ['prod'],
        suppressions: [{ rule: 'OKTA-O1', reason: 'agreed with the platform team in SEC-1' }],
      }),
    });
    mkdirSync(join(repo.dir, 'stacks'));
    copyFileSync(join(__dirname, '..', '..', 'stacks', 'environments.json'), join(repo.dir, 'stacks', 'environments.json'));
    writeFileSync(join(repo.dir, 'policy.json'), JSON.stringify(policy));
  };
  const policyOf = (body: string) => body.slice(body.indexOf('### Policy'));

  test('each environment lists the warnings and suppressions of its own apps', () => {
    writeProject();
    const dev = policyOf(cli('--environment', 'dev').stdout);
    expect(dev).toContain('- warning `OKTA-O1` (Maximum apps per owner) allowlists/a.json:');
    expect(dev).not.toContain('allowlists/b.json');
    expect(dev).not.toContain('Suppressions');
    const prod = policyOf(cli('--environment', 'prod').stdout);
    expect(prod).toContain('allowlists/a.json');
    expect(prod).toContain('allowlists/b.json');
    expect(prod).toMatch(
      /- `OKTA-O1` \(Maximum apps per owner\) in allowlists\/c\.json:\d+ \(silences \d finding\(s\)\): agreed with the platform team in SEC-1/,
    );
  });

  test('a project that does not load says so instead of staying silent', () => {
    writeProject({ apps: { maxPerOwner: 'one' } });
    expect(policyOf(cli('--environment', 'dev').stdout)).toMatch(
      /^### Policy\n\nThe allow lists do not load at this commit \(\d+ problem\(s\)\)/,
    );
  });

  test('apply and drift reports leave the section out', () => {
    writeProject();
    expect(cli('--environment', 'prod', '--purpose', 'drift').stdout).not.toContain('### Policy');
  });
});
