import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'ci', 'terraform-plan.sh');
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;

/**
 * A provider-free stack shaped like the managed-apps guard: the `first_apply` variable and the
 * `managed_apps` output, with a local backend. Real Terraform, no network.
 */
(hasTerraform ? describe : describe.skip)('scripts/ci/terraform-plan.sh with real Terraform', () => {
  let dir: string;
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tf-plan-'));
    const cli = join(dir, 'terraform.rc');
    writeFileSync(cli, '');
    env.TF_CLI_CONFIG_FILE = cli;
    writeFileSync(
      join(dir, 'main.tf.json'),
      JSON.stringify({
        terraform: { backend: { local: { path: 'state.tfstate' } } },
        variable: { first_apply: { type: 'bool', default: false } },
        output: { managed_apps: { value: ['payroll'] } },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const plan = (out: string, ...extra: string[]) => spawnSync(SCRIPT, [dir, join(dir, out), ...extra], { env, encoding: 'utf8' });
  const firstApplyIn = (out: string) => JSON.parse(readFileSync(join(dir, out, 'plan.json'), 'utf8')).variables.first_apply.value as unknown;

  test('an empty state is planned with first_apply=true, an applied one never', () => {
    const first = plan('first');
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, 'first', 'exitcode'), 'utf8')).toBe('0\n');
    expect(first.stderr).toContain('has no state yet');
    expect(String(firstApplyIn('first'))).toBe('true');
    expect(readFileSync(join(dir, 'first', 'plan.txt'), 'utf8')).toContain('managed_apps');

    execFileSync('terraform', [`-chdir=${dir}`, 'apply', '-input=false', '-no-color', join(dir, 'first', 'plan.tfplan')], { env, stdio: 'ignore' });

    const later = plan('later', '-detailed-exitcode');
    expect(later.status).toBe(0);
    expect(later.stderr).not.toContain('has no state yet');
    expect(String(firstApplyIn('later'))).toBe('false');
  });

  test('passes -detailed-exitcode through: 2 means changes', () => {
    writeFileSync(join(dir, 'extra.tf.json'), JSON.stringify({ output: { added: { value: 1 } } }));
    const drift = plan('drift', '-detailed-exitcode');
    rmSync(join(dir, 'extra.tf.json'));
    expect(drift.status).toBe(2);
    expect(readFileSync(join(dir, 'drift', 'exitcode'), 'utf8')).toBe('2\n');
    expect(JSON.parse(readFileSync(join(dir, 'drift', 'plan.json'), 'utf8')).format_version).toMatch(/^1\./);
  });

  test('records the status of a plan that fails before Terraform plans, for the jobs reading the artifacts', () => {
    const failed = spawnSync(SCRIPT, [join(dir, 'no-such-stack'), join(dir, 'failed')], { env, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(readFileSync(join(dir, 'failed', 'exitcode'), 'utf8')).toBe(`${failed.status}\n`);
  });
});
