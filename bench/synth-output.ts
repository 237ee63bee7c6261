import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { planRequests } from './okta-requests';

/** Okta returns at most this many groups per search request; more results mean more pages. */
export const OKTA_GROUPS_PAGE_SIZE = 200;

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

interface TerraformJson {
  readonly provider?: { readonly okta?: readonly { readonly scopes?: readonly string[] }[] };
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, { readonly search?: string }>>;
}

/** An exact-match term of a synthesized search: `profile.name eq "…"` or `id eq "…"`. */
const SEARCH_TERM = /(?:profile\.name|id) eq ("(?:[^"\\]|\\.)*")/g;

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
    const stack = JSON.parse(readFileSync(file, 'utf8')) as TerraformJson;
    resources += countBlocks(stack.resource);
    dataSources += countBlocks(stack.data);
    const environment = name.split('--')[0];
    searchesByEnvironment.set(environment, [...(searchesByEnvironment.get(environment) ?? []), ...Object.values(stack.data?.okta_groups ?? {})]);
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
    const terms = searchTermsOf(search);
    terms.forEach((term) => groups.add(term));
    // An exact term matches at most one group (Okta's `eq` may ignore case, rarely a few more).
    searchRequests += Math.max(1, Math.ceil(terms.length / OKTA_GROUPS_PAGE_SIZE));
  }
  return { distinctGroups: groups.size, searches: searches.length, searchRequests };
}

/** The names and IDs a search looks for; Terraform template escapes (`$${`, `%%{`) undone. */
function searchTermsOf(search: string): string[] {
  const text = search.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  return [...text.matchAll(SEARCH_TERM)].map((match) => JSON.parse(match[1]) as string);
}
