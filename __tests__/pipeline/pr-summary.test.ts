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
  const body = prSummary({ environment: 'dev', base, head, repository: repo.dir, planJsonFile: join(fixtures, 'plan-destructive.json'), planTextFile: planText });
  expect(body).toContain('- **payroll** (changed)\n  - groups added: "Payroll Auditors"');
  expect(body).toContain(
    '    - access token from server "default", claim "groups", when scope groups is requested: group names of the user\'s groups among "Payroll Admins", "Payroll Users", "Payroll Auditors", at most 3',
  );
  expect(body).toContain('REPLACES (deletes, then creates anew) Okta app "Payroll Portal"');
  expect(body).toContain('| 0 | 0 | 1 | 1 | 1 | 0 |');
  expect(body).toContain('```text\n# okta_app_oauth.payroll must be replaced\n```\n</details>');
});

test('the command refuses a missing --environment with exit code 2', () => {
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '..', '..', 'cli', 'pr-summary.ts'), '--plan', 'x.json'], { encoding: 'utf8' });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/--environment must name the environment/);
});
