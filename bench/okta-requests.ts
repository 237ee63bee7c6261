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
  /** Okta's page size for group searches: one request per 200 possible results. */
  groupPageSize: 200,
} as const;

interface StackJson {
  readonly provider?: { readonly okta?: readonly { readonly scopes?: readonly string[] }[] };
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, { readonly search?: string }>>;
}

const size = (blocks: Record<string, unknown> | undefined): number => Object.keys(blocks ?? {}).length;

/** Requests for one plan of `stack`, with the provider started once. */
export function planRequests(stack: StackJson): number {
  const auth = stack.provider?.okta?.[0]?.scopes ? 'oauth' : 'api_token';
  const searches = Object.values(stack.data?.okta_groups ?? {}).reduce(
    (sum, { search = '' }) => sum + Math.max(1, Math.ceil((search.match(/ eq /g) ?? []).length / REQUESTS_PER_PLAN.groupPageSize)),
    0,
  );
  return (
    REQUESTS_PER_PLAN.configure +
    size(stack.resource?.okta_app_oauth) * REQUESTS_PER_PLAN.app[auth] +
    size(stack.resource?.okta_auth_server_claim) * REQUESTS_PER_PLAN.claim +
    size(stack.resource?.okta_auth_server_scope) * REQUESTS_PER_PLAN.scope +
    size(stack.data?.okta_auth_server) * REQUESTS_PER_PLAN.serverLookup +
    searches
  );
}
