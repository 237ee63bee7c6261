import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Manifest } from 'cdktf';
import { Construct, RootConstruct } from 'constructs';
import { Project } from '../load/load-project';
import { ShardPlan } from '../plan/environment-plan';
import { heapBudget } from './heap-budget';
import { replaceOutputFolder } from './output-folder';
import { withoutTokenStackTraces } from './token-stack-traces';
import { environmentStacks } from '../../stacks/environment-stacks';
import { OktaStack } from '../../stacks/okta-stack';

/**
 * Synthesizes every environment into `outdir` atomically (see replaceOutputFolder): a failure
 * never leaves a half-written `cdktf.out/` for a later `terraform plan` to pick up, and a folder
 * that synth did not create is refused rather than replaced. `include` limits which stacks are
 * written (all by default); the previous output's other stacks are then kept as they were, folder
 * and manifest entry, so synthesizing some stacks never deletes another stack's Terraform files.
 */
export function synthesize(project: Project, outdir: string, include?: (stack: string) => boolean): void {
  const kept = include && previousStackManifests(outdir);
  replaceOutputFolder(
    outdir,
    (staging) => {
      // The files were validated by loadProject. cdktf's own validations would only add a
      // `terraform version` process per imported app (most of a large synth's time, see
      // BENCHMARKS.md) and make synthesis need a Terraform binary; the stacks declare the
      // Terraform version they need instead (required_version), which Terraform checks at plan.
      withoutTokenStackTraces(() => {
        const app = new App({ outdir: staging, skipValidation: true });
        const session = { outdir: app.outdir, skipValidation: true, manifest: app.manifest };
        forEachStack(project, app, include, (stack) => stack.synthesizer.synthesize(session));
        for (const [name, manifest] of Object.entries(kept ?? {})) app.manifest.stacks[name] ??= manifest;
        app.manifest.writeToFile();
      });
    },
    { keepUnwrittenStacks: include !== undefined },
  );
}

/** The stacks cdktf's manifest in `outdir` lists, when the output is there (their folders are kept with them). */
function previousStackManifests(outdir: string): Manifest['stacks'] | undefined {
  try {
    return (JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as { stacks?: Manifest['stacks'] }).stacks;
  } catch {
    return undefined;
  }
}

/**
 * App.synth()'s steps, one stack at a time: each stack `include` accepts is built under `root`,
 * prepared, handed to `use`, then dropped, so a large project never holds every stack in memory
 * at once, and the heap is kept within a margin of what is live (heap-budget.ts, BENCHMARKS.md).
 */
function forEachStack(
  project: Project,
  root: Construct,
  include: ((stack: string) => boolean) | undefined,
  use: (stack: OktaStack, name: string) => void,
): void {
  const keepWithinBudget = heapBudget();
  for (const builder of project.plans.flatMap((plan) => environmentStacks(plan, include))) {
    const stack = builder.build(root);
    stack.prepareStack();
    use(stack, builder.name);
    root.node.tryRemoveChild(stack.node.id);
    keepWithinBudget();
  }
}

/** cdktf's own package: its version goes into every stack, and its JSON writer formats cdk.tf.json. */
const cdktfRequire = createRequire(require.resolve('cdktf/package.json'));
const CDKTF_VERSION = (cdktfRequire('./package.json') as { version: string }).version;
const writeCdktfJson = cdktfRequire('json-stable-stringify') as (value: unknown, options: { space: number }) => string;

/**
 * The `cdk.tf.json` text of each stack `include` accepts, by stack name, byte for byte what
 * `synthesize` writes, but made in memory: no folder is written, so two projects (a pull
 * request's base and head) compare without temporary copies. It takes the steps of cdktf's
 * `App.synth()` that make a stack's JSON (prepare the stack, then `toTerraform()`, written with
 * cdktf's own stable JSON writer); the root is not an `App`, whose constructor creates its output
 * folder, so the stacks get the cdktf version it would give them from here.
 */
export function synthesizeInMemory(project: Project, include?: (stack: string) => boolean): Map<string, string> {
  return withoutTokenStackTraces(() => {
    const root = new RootConstruct();
    root.node.setContext('cdktfVersion', CDKTF_VERSION);
    const texts = new Map<string, string>();
    forEachStack(project, root, include, (stack, name) => texts.set(name, writeCdktfJson(stack.toTerraform(), { space: 2 })));
    return texts;
  });
}

/** One line per environment: what its stacks hold. */
export function summarize(project: Project): string[] {
  return project.plans.map((plan) => {
    const shards = plan.shards;
    const count = (pick: (shard: ShardPlan) => readonly unknown[]): number => shards.reduce((n, s) => n + pick(s).length, 0);
    const lookups = count((s) => s.groupBatches) + plan.servers.filter((s) => plan.settings.servers.get(s)?.reference.by === 'name').length;
    const parts = [
      `${shards.length + 1} stack(s)`,
      `${plan.apps.length} app(s)`,
      `${plan.groups.length} group(s)`,
      `${plan.apps.filter((a) => a.orgClaim).length} org-server claim(s)`,
      `${plan.sharedClaims.length} custom-server claim(s)`,
      `${lookups} lookup(s)`,
    ];
    const imports = plan.apps.filter((a) => a.importId).length;
    if (imports) parts.push(`${imports} import(s)`);
    if (count((s) => s.renames)) parts.push(`${count((s) => s.renames)} rename(s)`);
    if (count((s) => s.movedIn)) parts.push(`${count((s) => s.movedIn)} shard move(s)`);
    if (count((s) => s.forgotten)) parts.push(`${count((s) => s.forgotten)} forgotten`);
    const destroyed = shards.flatMap((s) => s.destroyed);
    if (destroyed.length) parts.push(`${destroyed.length} TO BE DESTROYED: ${destroyed.join(', ')}`);
    return `${plan.name}: ${parts.join(', ')}`;
  });
}
