import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('npm run annotate prints an ::error at the offending line and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'annotate-'));
  try {
    cpSync(join(root, 'allowlists', 'payroll.json'), join(dir, 'payroll.json'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "owners": ["@acme/x"],\n  "app": 3\n}\n');
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), join(root, 'cli', 'annotate.ts'), '--dir', dir, '--config', join(root, 'stacks', 'environments.json')], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^::error file=${join(dir, 'broken.json').replace(/[/.]/g, '\\$&')},line=3,col=\\d+::`, 'm'));
    expect(result.stdout).not.toContain('payroll.json');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
