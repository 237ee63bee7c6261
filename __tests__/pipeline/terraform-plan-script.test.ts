import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'ci', 'terraform-plan.sh');
const hasTerraform = spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
// Skipping locally is fine; under CI a missing Terraform must fail, or these tests never run there.
const runsInCi = Boolean(process.env.CI);

/**
 * A provider-free stack shaped like the managed-apps guard: the `first_apply` variable and the
 * `managed_apps` output, with a local backend. Real Terraform, no network.
 */
(hasTerraform || runsInCi ? describe : describe.skip)('scripts/ci/terraform-plan.sh with real Terraform', () => {
  let dir: string;
  // Outside GitHub Actions (the script refuses a local backend there; see the last test).
  const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_ACTIONS: '', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
  beforeAll(() => {
    if (!hasTerraform)
      throw new Error(
        'terraform must be on PATH when CI is set, but it is missing: install it before npm test (hashicorp/setup-terraform)',
      );
    dir = mkdtempSync(join(tmpdir(), 'tf-plan-'));
    const cli = join(dir, 'terraform.rc');
    writeFileSync(cli, '');
    env.TF_CLI_CONFIG_FILE = cli;
    writeFileSync(
      join(dir, 'cdk.tf.json'),
      JSON.stringify({
        terraform: { backend: { local: { path: 'state.tfstate' } } },
        variable: { first_apply: { type: 'bool', default: false } },
        output: { managed_apps: { value: ['payroll'] } },
      }),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const plan = (out: string, ...extra: string[]) => spawnSync(SCRIPT, [dir, join(dir, out), ...extra], { env, encoding: 'utf8' });
  const firstApplyIn = (out: string) =>
    JSON.parse(readFileSync(join(dir, out, 'plan.json'), 'utf8')).variables.first_apply.value as unknown;

  test('an empty state is planned with first_apply=true, an applied one never', () => {
    const first = plan('first');
    expect(first.status).toBe(0);
    expect(readFileSync(join(dir, 'first', 'exitcode'), 'utf8')).toBe('0\n');
    expect(first.stderr).toContain('has no state yet');
    expect(String(firstApplyIn('first'))).toBe('true');
    expect(readFileSync(join(dir, 'first', 'plan.txt'), 'utf8')).toContain('managed_apps');

    execFileSync('terraform', [`-chdir=${dir}`, 'apply', '-input=false', '-no-color', join(dir, 'first', 'plan.tfplan')], {
      env,
      stdio: 'ignore',
    });

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

  test('terraform-apply.sh applies the saved plan; a failure without a transient cause is not retried', () => {
    const APPLY = join(__dirname, '..', '..', 'scripts', 'ci', 'terraform-apply.sh');
    writeFileSync(join(dir, 'applied.tf.json'), JSON.stringify({ output: { applied: { value: 1 } } }));
    try {
      expect(plan('to-apply', '-detailed-exitcode').status).toBe(2);
      const applied = spawnSync(APPLY, [dir, join(dir, 'to-apply')], { env, encoding: 'utf8' });
      expect(applied.status).toBe(0);
      expect(readFileSync(join(dir, 'to-apply', 'apply-exitcode'), 'utf8')).toBe('0\n');
      expect(plan('after-apply', '-detailed-exitcode').status).toBe(0);

      writeFileSync(join(dir, 'to-apply', 'plan.tfplan'), 'not a plan');
      const broken = spawnSync(APPLY, [dir, join(dir, 'to-apply')], { env: { ...env, APPLY_BACKOFF_SECONDS: '0' }, encoding: 'utf8' });
      expect(broken.status).not.toBe(0);
      expect(broken.stderr).toContain('not a transient error); not retried');
    } finally {
      rmSync(join(dir, 'applied.tf.json'));
    }
  });

  test('in GitHub Actions, refuses a backend whose state would stay on the runner, before init, naming the file to change', () => {
    const refused = spawnSync(SCRIPT, [dir, join(dir, 'in-ci')], { env: { ...env, GITHUB_ACTIONS: 'true' }, encoding: 'utf8' });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(
      /^::error title=No durable state backend::.* uses the "local" backend, which keeps its state on this runner/m,
    );
    expect(refused.stderr).toContain('set environments.');
    expect(refused.stderr).toContain('in stacks/environments.json to a remote backend with locking');
    expect(existsSync(join(dir, 'in-ci', 'plan.tfplan'))).toBe(false);
  });

  test('TERRAFORM_ONLY=1 runs terraform alone: no tsx, so neither check-backend.ts nor check-plan.ts (the jobs without secrets run them)', () => {
    // A copy of the script outside the repository: no node_modules/.bin/tsx next to it.
    const bare = join(dir, 'bare');
    mkdirSync(join(bare, 'scripts', 'ci'), { recursive: true });
    const copy = join(bare, 'scripts', 'ci', 'terraform-plan.sh');
    copyFileSync(SCRIPT, copy);
    chmodSync(copy, 0o755);
    writeFileSync(join(dir, 'node-free.tf.json'), JSON.stringify({ output: { node_free: { value: 1 } } }));
    try {
      // In GitHub Actions with a local backend: check-backend.ts would refuse it, if it ran.
      const ci = { ...env, GITHUB_ACTIONS: 'true' };
      const alone = spawnSync(copy, [dir, join(dir, 'terraform-only'), '-detailed-exitcode'], {
        env: { ...ci, TERRAFORM_ONLY: '1' },
        encoding: 'utf8',
      });
      expect(alone.status).toBe(2);
      expect(readFileSync(join(dir, 'terraform-only', 'exitcode'), 'utf8')).toBe('2\n');
      expect(existsSync(join(dir, 'terraform-only', 'plan.json'))).toBe(true);

      // Without it, the same copy needs tsx, which is not there.
      const withNode = spawnSync(copy, [dir, join(dir, 'with-node'), '-detailed-exitcode'], { env: ci, encoding: 'utf8' });
      expect(withNode.status).not.toBe(0);
      expect(withNode.status).not.toBe(2);
      expect(withNode.stderr).toContain('node_modules/.bin/tsx');
    } finally {
      rmSync(join(dir, 'node-free.tf.json'));
    }
  });

  test('records the status of a plan that fails before Terraform plans, for the jobs reading the artifacts', () => {
    const failed = spawnSync(SCRIPT, [join(dir, 'no-such-stack'), join(dir, 'failed')], { env, encoding: 'utf8' });
    expect(failed.status).not.toBe(0);
    expect(readFileSync(join(dir, 'failed', 'exitcode'), 'utf8')).toBe(`${failed.status}\n`);
  });

  test('plans while another run holds the state lock: a plan never writes state', async () => {
    writeFileSync(join(dir, 'pending.tf.json'), JSON.stringify({ output: { pending: { value: 1 } } }));
    // An apply waiting for its confirmation holds the lock for as long as it waits.
    const holder = spawn('terraform', [`-chdir=${dir}`, 'apply', '-no-color'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    try {
      const lockInfo = join(dir, '.state.tfstate.lock.info');
      for (let waited = 0; !existsSync(lockInfo); waited += 100) {
        if (waited > 20_000) throw new Error('the waiting apply never took the state lock');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const locked = plan('locked');
      expect(locked.stderr).not.toContain('Error acquiring the state lock');
      expect(locked.status).toBe(0);
    } finally {
      holder.kill('SIGINT');
      await exited;
      rmSync(join(dir, 'pending.tf.json'));
    }
  }, 30_000);
});
