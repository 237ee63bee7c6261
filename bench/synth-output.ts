import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

export interface SynthOutput {
  /** Bytes of every synthesized stack file. */
  readonly bytes: number;
  /** Terraform resources in every stack. */
  readonly resources: number;
  /** Terraform data sources in every stack. */
  readonly dataSources: number;
  readonly plans: readonly GroupResolution[];
}

interface TerraformJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, { readonly search?: string }>>;
}

/** An exact-match term of a synthesized search: `profile.name eq "…"` or `id eq "…"`. */
const SEARCH_TERM = /(?:profile\.name|id) eq ("(?:[^"\\]|\\.)*")/g;

/** Reads `<outdir>/stacks/<environment>/cdk.tf.json` of every environment. */
export function describeSynthOutput(outdir: string): SynthOutput {
  const stacksDir = join(outdir, 'stacks');
  let bytes = 0;
  let resources = 0;
  let dataSources = 0;
  const plans: GroupResolution[] = [];
  for (const environment of readdirSync(stacksDir).sort()) {
    const file = join(stacksDir, environment, 'cdk.tf.json');
    bytes += statSync(file).size;
    const stack = JSON.parse(readFileSync(file, 'utf8')) as TerraformJson;
    resources += countBlocks(stack.resource);
    dataSources += countBlocks(stack.data);
    plans.push({ environment, ...groupResolution(Object.values(stack.data?.okta_groups ?? {})) });
  }
  return { bytes, resources, dataSources, plans };
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
