import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize, synthesize, synthesizeInMemory } from '../../lib/cli/synth';
import { loadProject } from '../../lib/load/load-project';
import { allowlist, projectOf, writeProject } from '../helpers/fixture';

describe('synthesize', () => {
  test('writes every stack of every environment and replaces the previous output whole', () => {
    const fixture = writeProject({ 'a.json': allowlist() });
    const out = join(fixture.dir, 'cdktf.out');
    synthesize(loadProject(fixture).project!, out);
    mkdirSync(join(out, 'stacks', 'stale'), { recursive: true });
    synthesize(loadProject(fixture).project!, out);
    for (const stack of ['dev--shared', 'dev--payroll', 'prod--shared', 'prod--payroll'])
      expect(existsSync(join(out, 'stacks', stack, 'cdk.tf.json'))).toBe(true);
    expect(existsSync(join(out, 'stacks', 'stale'))).toBe(false);
  });

  test('a selection writes its stacks and keeps every other stack folder, Terraform files and manifest entry as they were', () => {
    const fixture = writeProject({ 'a.json': allowlist() });
    const out = join(fixture.dir, 'cdktf.out');
    synthesize(loadProject(fixture).project!, out);
    const prodShard = join(out, 'stacks', 'prod--payroll');
    mkdirSync(join(prodShard, '.terraform'));
    writeFileSync(join(prodShard, 'terraform.tfstate'), '{"serial": 7}');
    const prodText = readFileSync(join(prodShard, 'cdk.tf.json'), 'utf8');

    synthesize(loadProject(fixture).project!, out, (stack) => stack === 'dev--payroll');

    expect(readFileSync(join(prodShard, 'terraform.tfstate'), 'utf8')).toBe('{"serial": 7}');
    expect(existsSync(join(prodShard, '.terraform'))).toBe(true);
    expect(readFileSync(join(prodShard, 'cdk.tf.json'), 'utf8')).toBe(prodText);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { stacks: Record<string, unknown> };
    expect(Object.keys(manifest.stacks).sort()).toEqual(['dev--payroll', 'dev--shared', 'prod--payroll', 'prod--shared']);
  });

  test('synthesizeInMemory gives, byte for byte, the cdk.tf.json synthesize writes for every stack of the samples', () => {
    const project = loadProject().project!;
    const out = join(mkdtempSync(join(tmpdir(), 'synth-')), 'cdktf.out');
    synthesize(project, out);
    const written = readdirSync(join(out, 'stacks')).map((stack) => [
      stack,
      readFileSync(join(out, 'stacks', stack, 'cdk.tf.json'), 'utf8'),
    ]);
    expect(written.length).toBeGreaterThan(2);
    expect([...synthesizeInMemory(project)].sort()).toEqual(written.sort());
  });

  test('synthesizeInMemory makes only the stacks asked for', () => {
    const project = projectOf({ 'a.json': allowlist() });
    expect([...synthesizeInMemory(project, (stack) => stack.startsWith('dev--')).keys()]).toEqual(['dev--shared', 'dev--payroll']);
  });

  test('summarizes what each environment holds, loudly naming apps to be destroyed', () => {
    const project = projectOf({ 'a.json': allowlist(), 'old.json': allowlist({ retire: { prod: 'destroy' } }) });
    expect(summarize(project)).toEqual([
      'dev: 2 stack(s), 2 app(s), 2 group(s), 2 org-server claim(s), 1 custom-server claim(s), 1 lookup(s)',
      'prod: 2 stack(s), 1 app(s), 2 group(s), 1 org-server claim(s), 1 custom-server claim(s), 1 lookup(s), 1 TO BE DESTROYED: old',
    ]);
  });
});

/** What every command that loads the project warns when --dir has no policy file beside it. */
const noPolicy = (dir: string): string => {
  const path = join(dir, 'policy.json');
  return `${path}:1:1: there is no policy file beside the allow-lists folder, so the guardrails were not checked: add ${path} or pass --policy <file> (see docs/policy.md)\n`;
};

describe('the synth and validate commands', () => {
  // One process each: they are the real entry points users and CI run.
  const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' });

  test('synth on bad input exits 1, prints every problem and leaves cdktf.out untouched', () => {
    const fixture = writeProject({ 'a.json': allowlist({ owners: ['x'] }), 'b.json': '{' });
    const out = join(fixture.dir, 'cdktf.out');
    mkdirSync(out);
    writeFileSync(join(out, 'marker'), 'previous synth');
    const result = run('main.ts', ['--dir', fixture.allowlistsDir, '--config', fixture.environmentsFile, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${fixture.allowlistsDir}/a.json:3:5: owners[0] must be a GitHub user or team`);
    expect(result.stderr).toContain(
      `${fixture.allowlistsDir}/b.json:1:1: This is not valid JSON: this "{" is never closed, or a comma is missing before it`,
    );
    expect(result.stderr).toContain('2 problem(s) found; nothing was written.');
    expect(readFileSync(join(out, 'marker'), 'utf8')).toBe('previous synth');
  });

  test('synth with an `npm run affected` output that plans no stack validates, writes nothing and leaves the output as it was', () => {
    const fixture = writeProject({ 'a.json': allowlist() });
    const out = join(fixture.dir, 'cdktf.out');
    mkdirSync(join(out, 'stacks', 'dev--payroll'), { recursive: true });
    writeFileSync(join(out, 'stacks', 'dev--payroll', 'terraform.tfstate'), '{}');
    const affected = join(fixture.dir, 'affected.json');
    writeFileSync(affected, JSON.stringify({ planned: [], skipped: [], orphaned: [] }));
    const result = run('main.ts', [
      '--dir',
      fixture.allowlistsDir,
      '--config',
      fixture.environmentsFile,
      '--affected',
      affected,
      '--out',
      out,
    ]);
    expect(result).toMatchObject({ status: 0 });
    expect(result.stdout).toMatch(/the selection names no stack, so .* was left as it was/);
    expect(readdirSync(out)).toEqual(['stacks']);
    expect(readFileSync(join(out, 'stacks', 'dev--payroll', 'terraform.tfstate'), 'utf8')).toBe('{}');
  });

  test('synth needs no Terraform binary, even for stacks with import and moved blocks', () => {
    const fixture = writeProject({
      'a.json': allowlist({ previousKeys: ['old'], app: { ...(allowlist().app as object), importIds: { dev: '0oa1b2c3d4e5f6g7h8i9' } } }),
    });
    const out = join(fixture.dir, 'cdktf.out');
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main.ts', '--dir', fixture.allowlistsDir, '--config', fixture.environmentsFile, '--out', out],
      {
        encoding: 'utf8',
        env: { ...process.env, PATH: '/nonexistent' },
      },
    );
    expect(result.stderr).toBe(noPolicy(fixture.dir));
    expect(result.status).toBe(0);
    const stack = JSON.parse(readFileSync(join(out, 'stacks', 'dev--payroll', 'cdk.tf.json'), 'utf8'));
    expect(stack.import).toEqual([{ id: '0oa1b2c3d4e5f6g7h8i9', to: 'okta_app_oauth.a' }]);
    expect(stack.terraform.required_version).toBe('>= 1.7.0');
  });

  test('validate exits 0 on the shipped samples', () => {
    const result = run('cli/validate.ts', []);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('5 allow-list file(s) valid for dev, prod. 1 policy suppression(s).\n');
    expect(result.status).toBe(0);
  });

  test('an unknown option is a usage error (exit 2), not a validation failure', () => {
    const result = run('cli/validate.ts', ['--dri', 'x']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--dri': did you mean --dir\?/);
  });

  test('synth and validate treat --dir the same way: both warn that no policy is beside the folder', () => {
    const fixture = writeProject({ 'a.json': allowlist() });
    const sources = ['--dir', fixture.allowlistsDir, '--config', fixture.environmentsFile];
    const warning = noPolicy(fixture.dir);
    expect(run('cli/validate.ts', sources)).toMatchObject({ status: 0, stderr: warning });
    expect(run('main.ts', [...sources, '--out', join(fixture.dir, 'out')])).toMatchObject({ status: 0, stderr: warning });
  });
});
