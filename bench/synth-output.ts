import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { planRequests, searchRequestsOf, searchTermsOf, StackJson } from './okta-requests';

/** Group resolution in one environment's plan, read back from its synthesized lookups. */
export interface GroupResolution {
  readonly environment: string;
  /** Distinct group names and IDs searched for: the requests one lookup per group would make. */
  readonly distinctGroups: number;
  /** `okta_groups` search data sources: one request per page each. */
  readonly searches: number;
  /** Requests the searches make, counting a page per 200 possible matches. */
  readonly searchRequests: number;
}

/** One synthesized stack: its apps and the Okta requests its plan makes. */
export interface StackOutput {
  readonly stack: string;
  readonly environment: string;
  readonly apps: readonly string[];
  readonly planRequests: number;
}

export interface SynthOutput {
  /** Bytes of every synthesized stack file. */
  readonly bytes: number;
  /** Terraform resources in every stack. */
  readonly resources: number;
  /** Terraform data sources in every stack. */
  readonly dataSources: number;
  /** Group resolution per environment, over all of its stacks. */
  readonly plans: readonly GroupResolution[];
  readonly stacks: readonly StackOutput[];
}

/** Reads `<outdir>/stacks/<environment>--<shard>/cdk.tf.json` of every stack. */
export function describeSynthOutput(outdir: string): SynthOutput {
  const stacksDir = join(outdir, 'stacks');
  let bytes = 0;
  let resources = 0;
  let dataSources = 0;
  const searchesByEnvironment = new Map<string, { readonly search?: string }[]>();
  const stacks: StackOutput[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    const file = join(stacksDir, name, 'cdk.tf.json');
    bytes += statSync(file).size;
    const stack = JSON.parse(readFileSync(file, 'utf8')) as StackJson;
    resources += countBlocks(stack.resource);
    dataSources += countBlocks(stack.data);
    const environment = name.split('--')[0];
    searchesByEnvironment.set(environment, [
      ...(searchesByEnvironment.get(environment) ?? []),
      ...Object.values(stack.data?.okta_groups ?? {}),
    ]);
    stacks.push({ stack: name, environment, apps: Object.keys(stack.resource?.okta_app_oauth ?? {}), planRequests: planRequests(stack) });
  }
  const plans = [...searchesByEnvironment].map(([environment, searches]) => ({ environment, ...groupResolution(searches) }));
  return { bytes, resources, dataSources, plans, stacks };
}

function countBlocks(blocks: Record<string, Record<string, unknown>> | undefined): number {
  return Object.values(blocks ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
}

function groupResolution(searches: readonly { readonly search?: string }[]): Omit<GroupResolution, 'environment'> {
  const groups = new Set<string>();
  let searchRequests = 0;
  for (const { search = '' } of searches) {
    searchTermsOf(search).forEach((term) => groups.add(term));
    searchRequests += searchRequestsOf(search);
  }
  return { distinctGroups: groups.size, searches: searches.length, searchRequests };
}
