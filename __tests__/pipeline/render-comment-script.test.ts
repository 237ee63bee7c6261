import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const fixtures = join(__dirname, 'fixtures');
let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'render-comment-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Lays out downloaded artifacts as the comment job sees them: plans/<stack>/… */
function artifact(stack: string, files: Record<string, string>): void {
  mkdirSync(join(dir, 'plans', stack), { recursive: true });
  for (const [name, source] of Object.entries(files)) copyFileSync(source, join(dir, 'plans', stack, name));
}

test("renders one environment's stacks from the artifacts: plans, failed plans and skipped stacks", () => {
  artifact('dev--payroll', { 'plan.json': join(fixtures, 'plan-destructive.json') });
  writeFileSync(join(dir, 'plans', 'dev--payroll', 'plan.txt'), '# okta_app_oauth.payroll must be replaced\n');
  mkdirSync(join(dir, 'plans', 'dev--shared'));
  writeFileSync(join(dir, 'plans', 'dev--shared', 'exitcode'), '1\n');
  artifact('prod--payroll', { 'plan.json': join(fixtures, 'plan-import.json') });
  const affected = {
    planned: [
      { environment: 'dev', stack: 'dev--payroll', reason: 'its Terraform changes' },
      { environment: 'dev', stack: 'dev--shared', reason: 'its Terraform changes' },
      { environment: 'dev', stack: 'dev--hr', reason: 'a new stack' },
    ],
    skipped: [{ environment: 'dev', stack: 'dev--it', reason: 'its Terraform is unchanged by this pull request' }],
    orphaned: [],
  };
  writeFileSync(join(dir, 'affected.json'), JSON.stringify(affected));
  const result = spawnSync(
    join(root, 'scripts', 'ci', 'render-comment.sh'),
    ['dev', 'plan', join(dir, 'plans'), join(dir, 'comment.md'), '--affected', join(dir, 'affected.json')],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expect(result.stderr).toBe('');
  const body = readFileSync(join(dir, 'comment.md'), 'utf8');
  expect(body).toContain('| `dev--hr` **(plan failed)** | – | – | – | – | – | – | a new stack |');
  expect(body).toContain('| `dev--payroll` | 0 | 0 | 1 | 1 | 1 | 0 | its Terraform changes |');
  expect(body).toContain('| `dev--shared` **(plan failed)** |');
  expect(body).toContain('- its Terraform is unchanged by this pull request: `dev--it`');
  expect(body).toContain('<summary>Full Terraform plan of dev--payroll</summary>');
  expect(body).not.toContain('prod--payroll');
});
