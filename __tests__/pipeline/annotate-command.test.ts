import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowlistFile, TempGitRepo } from './temp-git-repo';

const root = join(__dirname, '..', '..');

test('npm run annotate prints an ::error at the offending line and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
  try {
    cpSync(join(root, 'allowlists', 'payroll.json'), join(dir, 'payroll.json'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "owners": ["@acme/x"],\n  "app": 3\n}\n');
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(root, 'cli', 'annotate.ts'), '--dir', dir, '--config', join(root, 'stacks', 'environments.json')],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^::error file=${join(dir, 'broken.json').replace(/[/.]/g, '\\$&')},line=3,col=\\d+::`, 'm'));
    expect(result.stdout).not.toContain('payroll.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('npm run annotate --base warns at "owners" of an app whose owners the working tree changes', () => {
  const repo = new TempGitRepo();
  try {
    const base = repo.commit({ 'payroll.json': allowlistFile() });
    writeFileSync(
      join(repo.dir, 'allowlists', 'payroll.json'),
      JSON.stringify(allowlistFile({ owners: ['@acme/payroll', '@acme/intruders'] }), null, 2),
    );
    const result = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(root, 'cli', 'annotate.ts'), '--base', base, '--config', join(root, 'stacks', 'environments.json')],
      {
        encoding: 'utf8',
        cwd: repo.dir,
      },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      '::warning file=allowlists/payroll.json,line=2,col=3,title=Owner change::owners of "payroll" changed (added: @acme/intruders; removed: none): the platform team must review',
    );
  } finally {
    repo.remove();
  }
});
