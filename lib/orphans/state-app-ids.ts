import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs `terraform <args>` and hands back its exit code and output. */
export type TerraformRunner = (args: readonly string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** The Okta app IDs one stack's state holds. */
export interface StackAppIds {
  readonly stack: string;
  readonly ids: readonly string[];
  /** True when the stack has no state yet (never applied). */
  readonly empty: boolean;
}

interface StateJson {
  readonly resources?: ReadonlyArray<{
    readonly type?: string;
    readonly mode?: string;
    readonly instances?: ReadonlyArray<{ readonly attributes?: { readonly id?: unknown } }>;
  }>;
  readonly outputs?: Record<string, { readonly value?: unknown }>;
}

/** The shard stacks of `environment` in the synthesized stacks folder (the shared stack holds no app). */
export function shardStacks(stacksDir: string, environment: string): string[] {
  return readdirSync(stacksDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name.startsWith(`${environment}--`) && entry.name !== `${environment}--shared`)
    .map((entry) => entry.name)
    .sort();
}

/**
 * Every app ID a state holds: the `okta_app_oauth` resources (written as each create finishes,
 * so an apply killed before its outputs still counts) and the `app_ids` output (which also
 * carries apps moving to another shard).
 */
export function appIdsOfState(stateText: string): { ids: string[]; empty: boolean } {
  if (stateText.trim() === '') return { ids: [], empty: true };
  const state = JSON.parse(stateText) as StateJson;
  const ids = new Set<string>();
  for (const resource of state.resources ?? []) {
    if (resource.mode !== 'managed' || resource.type !== 'okta_app_oauth') continue;
    for (const instance of resource.instances ?? []) if (typeof instance.attributes?.id === 'string') ids.add(instance.attributes.id);
  }
  const output = state.outputs?.app_ids?.value;
  if (output && typeof output === 'object') for (const id of Object.values(output)) if (typeof id === 'string') ids.add(id);
  return { ids: [...ids].sort(), empty: false };
}

/**
 * Reads each shard stack's state with `terraform -chdir=<stack> state pull` (the stack must be
 * initialised with its backend). Any failure throws: a state that cannot be read must never
 * pass for an empty one, which would make every app look orphaned or hide real orphans.
 */
export async function stateAppIds(stacksDir: string, environment: string, terraform: TerraformRunner): Promise<StackAppIds[]> {
  const stacks = shardStacks(stacksDir, environment);
  if (stacks.length === 0)
    throw new Error(
      `no stack of environment "${environment}" in ${stacksDir}: run \`npm run synth\` (and \`terraform init\` in each stack) first`,
    );
  const result: StackAppIds[] = [];
  for (const stack of stacks) {
    const pulled = await terraform([`-chdir=${join(stacksDir, stack)}`, 'state', 'pull']);
    if (pulled.code !== 0)
      throw new Error(`terraform state pull failed for ${stack} (is it initialised with its backend?):\n${pulled.stderr.trim()}`);
    result.push({ stack, ...appIdsOfState(pulled.stdout) });
  }
  return result;
}
