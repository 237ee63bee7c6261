import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthesize } from '../../lib/cli/synth';
import { loadProject } from '../../lib/load/load-project';
import { InvalidInputError } from '../../lib/load/problem';
import { ProcessResult, run } from './process';
import { REPO, terraformEnvironment } from './toolchain';

type Json = Record<string, unknown>;

/** What a plan left behind: Terraform's exit code (0 none, 2 changes, 1 error), its log and the JSON plan. */
export interface PlanResult extends ProcessResult {
  /** `terraform show -json` of the saved plan; undefined when planning failed. */
  readonly plan?: TerraformPlan;
}

/** The parts of Terraform's JSON plan the suite reads. */
export interface TerraformPlan {
  readonly resource_changes?: ReadonlyArray<{
    readonly address: string;
    readonly type: string;
    readonly change: {
      readonly actions: readonly string[];
      readonly before?: Json | null;
      readonly after?: Json | null;
      readonly importing?: { readonly id: string };
    };
    readonly previous_address?: string;
  }>;
}

/** Per environment, what its Terraform processes get on top of the toolchain: the emulated org's address and token. */
export type OrgEnvironments = Readonly<Record<string, Record<string, string>>>;

/**
 * A throw-away copy of the project (allow lists, environments file, optionally the policy) in
 * a temp folder, synthesized with the project's own code and planned/applied with the real
 * `terraform` through the pipeline's own plan script. State is the local backend's, inside the
 * folder.
 */
export class Workspace {
  readonly root: string;
  readonly allowlistsDir: string;
  readonly environmentsFile: string;
  readonly outDir: string;
  private policyFile?: string;

  private constructor(private readonly orgs: OrgEnvironments) {
    this.root = mkdtempSync(join(tmpdir(), 'e2e-'));
    this.allowlistsDir = join(this.root, 'allowlists');
    this.environmentsFile = join(this.root, 'environments.json');
    this.outDir = join(this.root, 'cdktf.out');
    mkdirSync(this.allowlistsDir);
  }

  /** The shipped samples on the local backend, with the environments file changed by `editEnvironments`. */
  static fromSamples(
    orgs: OrgEnvironments,
    options: { editEnvironments?: (environments: Json) => void; withPolicy?: boolean } = {},
  ): Workspace {
    const workspace = new Workspace(orgs);
    for (const file of readdirSync(join(REPO, 'allowlists'))) {
      if (file.endsWith('.json') && file !== 'schema.json') cpSync(join(REPO, 'allowlists', file), join(workspace.allowlistsDir, file));
    }
    const environments = JSON.parse(readFileSync(join(REPO, 'stacks/environments.json'), 'utf8')) as Json;
    delete environments.$schema;
    // The shipped file shows the production shape (a remote, locking backend); here the state
    // stays in the temp folder, like the local runs that scripts/ci/check-backend.ts allows.
    for (const environment of Object.values(environments.environments as Record<string, Json>)) environment.backend = { type: 'local' };
    options.editEnvironments?.(environments);
    workspace.writeEnvironments(environments);
    if (options.withPolicy) {
      workspace.policyFile = join(workspace.root, 'policy.json');
      const policy = JSON.parse(readFileSync(join(REPO, 'policy.json'), 'utf8')) as Json;
      delete policy.$schema;
      writeFileSync(workspace.policyFile, JSON.stringify(policy, null, 2));
    }
    return workspace;
  }

  /** Only the given allow lists and environments. */
  static of(orgs: OrgEnvironments, environments: Json, files: Record<string, Json>): Workspace {
    const workspace = new Workspace(orgs);
    workspace.writeEnvironments(environments);
    for (const [key, file] of Object.entries(files)) workspace.write(key, file);
    return workspace;
  }

  writeEnvironments(environments: Json): void {
    writeFileSync(this.environmentsFile, `${JSON.stringify(environments, null, 2)}\n`);
  }

  /** The allow-list file of app `key`. */
  read(key: string): Json {
    return JSON.parse(readFileSync(join(this.allowlistsDir, `${key}.json`), 'utf8')) as Json;
  }

  write(key: string, file: Json): void {
    writeFileSync(join(this.allowlistsDir, `${key}.json`), `${JSON.stringify(file, null, 2)}\n`);
  }

  edit(key: string, change: (file: Json) => void): void {
    const file = this.read(key);
    change(file);
    this.write(key, file);
  }

  remove(key: string): void {
    rmSync(join(this.allowlistsDir, `${key}.json`));
  }

  /** Validates and synthesizes with the project's own code; throws every problem on bad input. */
  synth(): void {
    const { project, problems } = loadProject({
      allowlistsDir: this.allowlistsDir,
      environmentsFile: this.environmentsFile,
      policyFile: this.policyFile,
    });
    if (!project) throw new InvalidInputError(problems);
    synthesize(project, this.outDir);
  }

  /** The synthesized stacks of `environment`, shared stack first. */
  stacks(environment: string): string[] {
    const all = readdirSync(join(this.outDir, 'stacks')).filter((stack) => stack.startsWith(`${environment}--`));
    return all.sort((a, b) => Number(b.endsWith('--shared')) - Number(a.endsWith('--shared')) || a.localeCompare(b));
  }

  stackDir(stack: string): string {
    return join(this.outDir, 'stacks', stack);
  }

  /** Plans one stack with the pipeline's own script (init, first-apply detection, saved plan); `name` keeps several saved plans apart. */
  async plan(stack: string, extra: readonly string[] = [], name: string = stack): Promise<PlanResult> {
    const out = join(this.root, 'plans', name);
    rmSync(out, { recursive: true, force: true });
    const result = await run(join(REPO, 'scripts/ci/terraform-plan.sh'), [this.stackDir(stack), out, '-detailed-exitcode', ...extra], {
      env: this.environmentOf(stack),
    });
    const planFile = join(out, 'plan.json');
    const plan = existsSync(planFile) && result.code !== 1 ? (JSON.parse(readFileSync(planFile, 'utf8')) as TerraformPlan) : undefined;
    return { ...result, plan };
  }

  /** Applies the saved plan of the last `plan(stack)` (or of the plan called `planName`), as the apply job does. */
  apply(stack: string, options: { onSpawn?: (pid: number) => void; planName?: string } = {}): Promise<ProcessResult> {
    const planFile = join(this.root, 'plans', options.planName ?? stack, 'plan.tfplan');
    return run('terraform', [`-chdir=${this.stackDir(stack)}`, 'apply', '-input=false', '-no-color', '-lock-timeout=60s', planFile], {
      env: this.environmentOf(stack),
      onSpawn: options.onSpawn,
    });
  }

  /** Any other terraform command in the stack's folder. */
  terraform(stack: string, args: readonly string[]): Promise<ProcessResult> {
    return run('terraform', [`-chdir=${this.stackDir(stack)}`, ...args], { env: this.environmentOf(stack) });
  }

  /** The resource addresses in the stack's state. */
  async stateAddresses(stack: string): Promise<string[]> {
    const result = await this.terraform(stack, ['state', 'list']);
    if (result.code !== 0) throw new Error(`terraform state list failed for ${stack}: ${result.stderr}`);
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  /** The process environment of `stack`'s Terraform: the toolchain and its environment's org. */
  environmentOf(stack: string): NodeJS.ProcessEnv {
    const environment = stack.split('--')[0];
    const org = this.orgs[environment];
    if (!org) throw new Error(`no emulated org for environment "${environment}" (stack ${stack})`);
    return terraformEnvironment(org);
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Plans then applies one stack; fails loudly with Terraform's own output when either step fails. */
export async function planAndApply(workspace: Workspace, stack: string): Promise<PlanResult> {
  const plan = await workspace.plan(stack);
  // Exit 2 is "changes" only when Terraform got to write the plan: a step of the script that
  // fails with 2 (a usage error) must not be mistaken for it.
  if (plan.code === 1 || (plan.code === 2 && !plan.plan)) throw new Error(`plan of ${stack} failed (exit ${plan.code}):\n${plan.stderr}`);
  if (plan.code === 2) {
    const apply = await workspace.apply(stack);
    if (apply.code !== 0) throw new Error(`apply of ${stack} failed:\n${apply.stdout}\n${apply.stderr}`);
  }
  return plan;
}

/** Terraform's output as one line: it wraps and frames error text, which no message match should depend on. */
export function oneLine(text: string): string {
  return text.replace(/[\s│]+/g, ' ');
}

/** The attributes an update changes, before and after (unknown values show as undefined). */
export function changedAttributes(plan: TerraformPlan | undefined, address: string): Record<string, { before: unknown; after: unknown }> {
  const change = plan?.resource_changes?.find((c) => c.address === address)?.change;
  const before = (change?.before ?? {}) as Json;
  const after = (change?.after ?? {}) as Json;
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed[key] = { before: before[key], after: after[key] };
  }
  return changed;
}

/** The actions of every planned resource change, by address, without no-ops and reads. */
export function changesOf(plan: TerraformPlan | undefined): Record<string, string> {
  const changes: Record<string, string> = {};
  for (const change of plan?.resource_changes ?? []) {
    const actions = change.change.actions.filter((action) => action !== 'no-op' && action !== 'read');
    if (change.change.importing) actions.unshift('import');
    if (actions.length) changes[change.address] = actions.join('+');
  }
  return changes;
}
