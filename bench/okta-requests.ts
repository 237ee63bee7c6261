/**
 * Okta API requests one `terraform plan` of a stack makes, counted from what the stack holds and
 * what provider 4.20.0 calls per object (read from its source and from recorded traffic of its
 * acceptance tests): the refresh of every managed object plus every data source read.
 */
export const REQUESTS_PER_PLAN = {
  /** Provider start: GET /api/v1/users/me (API token) or the token request (OAuth 2.0). */
  configure: 1,
  /** GET /api/v1/apps/{id}; with an API token also GET …/internal/apps/{id}/settings/oauth/idToken. */
  app: { api_token: 2, oauth: 1 },
  /** GET /api/v1/authorizationServers/{id}/claims/{claimId}. */
  claim: 1,
  /** GET /api/v1/authorizationServers/{id}/scopes/{scopeId}. */
  scope: 1,
  /** GET /api/v1/authorizationServers?q=… */
  serverLookup: 1,
} as const;

/** Okta returns at most this many groups per search request; more results mean more pages. */
export const OKTA_GROUPS_PAGE_SIZE = 200;

/** One synthesized stack file (`cdk.tf.json`), as far as the counts read it. */
export interface StackJson {
  readonly provider?: { readonly okta?: readonly { readonly scopes?: readonly string[] }[] };
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, { readonly search?: string }>>;
}

/** An exact-match term of a synthesized search: `profile.name eq "…"` or `id eq "…"`. */
const SEARCH_TERM = /(?:profile\.name|id) eq ("(?:[^"\\]|\\.)*")/g;

/**
 * The names and IDs a search looks for; Terraform template escapes (`$${`, `%%{`) undone. Terms
 * are read whole, so a group name that itself holds " eq " or " or " counts once.
 */
export function searchTermsOf(search: string): string[] {
  const text = search.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
  return [...text.matchAll(SEARCH_TERM)].map((match) => JSON.parse(match[1]) as string);
}

/** Requests one `okta_groups` search makes: a page per 200 possible matches, at least one. */
export function searchRequestsOf(search: string): number {
  // An exact term matches at most one group (Okta's `eq` may ignore case, rarely a few more).
  return Math.max(1, Math.ceil(searchTermsOf(search).length / OKTA_GROUPS_PAGE_SIZE));
}

const size = (blocks: Record<string, unknown> | undefined): number => Object.keys(blocks ?? {}).length;

/** Requests for one plan of `stack`, with the provider started once. */
export function planRequests(stack: StackJson): number {
  const auth = stack.provider?.okta?.[0]?.scopes ? 'oauth' : 'api_token';
  const searches = Object.values(stack.data?.okta_groups ?? {}).reduce((sum, { search = '' }) => sum + searchRequestsOf(search), 0);
  return (
    REQUESTS_PER_PLAN.configure +
    size(stack.resource?.okta_app_oauth) * REQUESTS_PER_PLAN.app[auth] +
    size(stack.resource?.okta_auth_server_claim) * REQUESTS_PER_PLAN.claim +
    size(stack.resource?.okta_auth_server_scope) * REQUESTS_PER_PLAN.scope +
    size(stack.data?.okta_auth_server) * REQUESTS_PER_PLAN.serverLookup +
    searches
  );
}
