import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProcessResult, run } from './process';
import { REPO } from './toolchain';
import { Workspace } from './workspace';

/**
 * The pipeline's CI scripts as the workflows call them (plan-stacks.yml, apply-stacks.yml), with
 * GITHUB_ACTIONS=true so that they behave as on a runner: the backend check is on, step outputs
 * go to a GITHUB_OUTPUT file. Plan folders are laid out as the jobs download their artifacts:
 * `<root>/<folder>/<stack>/plan.json` and so on.
 */
export class Pipeline {
  constructor(
    private readonly workspace: Workspace,
    /** Seconds terraform-apply.sh waits before its first retry (CI: 30). */
    private readonly backoffSeconds = 1,
  ) {}

  /** `<workspace>/<folder>`, the `path:` a job downloads artifacts to. */
  folder(name: string): string {
    return join(this.workspace.root, name);
  }

  /** The plan step of plan-stacks.yml: `terraform-plan.sh cdktf.out/stacks/$STACK plan-out/$STACK`, into `<folder>/<stack>`. */
  plan(stack: string, folder: string, extra: readonly string[] = []): Promise<ProcessResult> {
    const out = join(this.folder(folder), stack);
    rmSync(out, { recursive: true, force: true });
    return run(join(REPO, 'scripts/ci/terraform-plan.sh'), [this.workspace.stackDir(stack), out, ...extra], { env: this.env(stack) });
  }

  /** The apply step of apply-stacks.yml: `terraform-apply.sh cdktf.out/stacks/$STACK plan-out/$STACK`. */
  apply(stack: string, folder: string): Promise<ProcessResult> {
    return run(join(REPO, 'scripts/ci/terraform-apply.sh'), [this.workspace.stackDir(stack), join(this.folder(folder), stack)], {
      env: this.env(stack),
    });
  }

  /** The `planned` stacks of `affected.json` (the other lists empty), written where the jobs download it. */
  writeAffected(environment: string, stacks: readonly string[]): string {
    const file = join(this.workspace.root, 'affected.json');
    const planned = stacks.map((stack) => ({ environment, stack, reason: 'the e2e case plans it' }));
    writeFileSync(file, JSON.stringify({ planned, skipped: [], orphaned: [] }));
    return file;
  }

  /** A `tsx scripts/ci/<script>` step; returns its result and the step outputs it wrote. */
  async script(
    script: string,
    args: readonly string[],
    env: Record<string, string> = {},
  ): Promise<ProcessResult & { outputs: Record<string, string> }> {
    const outputFile = join(this.workspace.root, 'github-output');
    rmSync(outputFile, { force: true });
    const result = await run(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, 'scripts/ci', script), ...args], {
      cwd: this.workspace.root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: outputFile, ...env },
    });
    return { ...result, outputs: existsSync(outputFile) ? parseOutputs(readFileSync(outputFile, 'utf8')) : {} };
  }

  /** What a step left in `<folder>/<stack>/<file>`, or undefined. */
  read(folder: string, stack: string, file: string): string | undefined {
    const path = join(this.folder(folder), stack, file);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  }

  /** Copies `<from>/<stack>` to `<to>/<stack>`, as a download-artifact step of another run would. */
  copy(stack: string, from: string, to: string): void {
    mkdirSync(join(this.folder(to), stack), { recursive: true });
    for (const file of ['plan.json', 'plan.txt', 'plan.tfplan', 'exitcode', '.terraform.lock.hcl']) {
      const source = join(this.folder(from), stack, file);
      if (existsSync(source)) writeFileSync(join(this.folder(to), stack, file), readFileSync(source));
    }
  }

  private env(stack: string): NodeJS.ProcessEnv {
    return { ...this.workspace.environmentOf(stack), GITHUB_ACTIONS: 'true', APPLY_BACKOFF_SECONDS: String(this.backoffSeconds) };
  }
}

/** The `name=value` lines of a GITHUB_OUTPUT file (writeStepOutputs writes single-line values only). */
function parseOutputs(text: string): Record<string, string> {
  return Object.fromEntries(
    text.split('\n').flatMap((line) => {
      const pair = /^([\w-]+)=(.*)$/.exec(line);
      return pair ? [[pair[1], pair[2]]] : [];
    }),
  );
}
