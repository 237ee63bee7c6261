import { nextLink } from './link-header';

/** The fields of an Okta app the orphan check reads. */
export interface OktaApp {
  readonly id: string;
  readonly label: string;
  readonly status: string;
  readonly created: string;
  readonly clientId?: string;
  readonly profile?: unknown;
}

/** How to reach the org's management API. */
export interface OktaConnection {
  /** `https://<orgName>.<baseUrl>`, or OKTA_HTTP_PROXY when set (as the provider does: it replaces the org URL). */
  readonly baseUrl: string;
  /** The Authorization header value, e.g. `SSWS <token>`. */
  readonly authorization: string;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** Most 429 answers in a row before giving up. @default 5 */
  readonly maxRateLimitRetries?: number;
}

/** Apps per page: Okta's maximum for /api/v1/apps. */
export const APPS_PAGE_SIZE = 200;

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The connection the environment variables describe for org `<orgName>.<baseUrl>`. */
export function connectionFromEnvironment(orgName: string, baseUrl: string, env: NodeJS.ProcessEnv): OktaConnection {
  const token = env.OKTA_API_TOKEN?.trim();
  if (!token) throw new Error('OKTA_API_TOKEN is not set: the orphan check lists apps with an API token of a read-only admin');
  const proxy = env.OKTA_HTTP_PROXY?.trim();
  return { baseUrl: (proxy || `https://${orgName}.${baseUrl}`).replace(/\/+$/, ''), authorization: `SSWS ${token}` };
}

/**
 * Waits until Okta's window resets (X-Rate-Limit-Reset, epoch seconds) plus a second, never
 * less than a second: the check must not add to a storm the apply may have caused.
 */
export function rateLimitWaitMs(reset: string | null, now: number): number {
  const resetSeconds = Number(reset);
  if (!reset || !Number.isFinite(resetSeconds)) return 60_000;
  return Math.max(1000, resetSeconds * 1000 - now + 1000);
}

/** Every app of the org (`GET /api/v1/apps`, all pages), backing off on 429 until the window resets. */
export async function listOktaApps(connection: OktaConnection): Promise<OktaApp[]> {
  const doFetch = connection.fetch ?? fetch;
  const sleep = connection.sleep ?? sleepFor;
  const now = connection.now ?? Date.now;
  const maxRetries = connection.maxRateLimitRetries ?? 5;
  const apps: OktaApp[] = [];
  let url: string | undefined = `${connection.baseUrl}/api/v1/apps?limit=${APPS_PAGE_SIZE}`;
  let retries = 0;
  while (url) {
    const response = await doFetch(url, { headers: { Accept: 'application/json', Authorization: connection.authorization } });
    if (response.status === 429 && retries < maxRetries) {
      retries++;
      await sleep(rateLimitWaitMs(response.headers.get('x-rate-limit-reset'), now()));
      continue;
    }
    if (!response.ok) throw new Error(`GET ${url.replace(connection.baseUrl, '')} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    retries = 0;
    const page = (await response.json()) as unknown;
    if (!Array.isArray(page)) throw new Error(`GET /api/v1/apps did not answer a list`);
    for (const app of page as Array<Record<string, unknown>>) apps.push(toOktaApp(app));
    url = rebase(nextLink(response.headers.get('link')), connection.baseUrl);
  }
  return apps;
}

/** Okta's next links name the org's own host; through a proxy the same path goes to the proxy. */
function rebase(link: string | undefined, baseUrl: string): string | undefined {
  if (!link) return undefined;
  const parsed = new URL(link);
  return `${baseUrl}${parsed.pathname}${parsed.search}`;
}

function toOktaApp(app: Record<string, unknown>): OktaApp {
  const oauthClient = ((app.credentials as Record<string, unknown> | undefined)?.oauthClient ?? {}) as Record<string, unknown>;
  return {
    id: String(app.id),
    label: String(app.label ?? ''),
    status: String(app.status ?? ''),
    created: String(app.created ?? ''),
    clientId: typeof oauthClient.client_id === 'string' ? oauthClient.client_id : undefined,
    profile: app.profile,
  };
}
