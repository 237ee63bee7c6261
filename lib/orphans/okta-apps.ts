import { getAllPages, OktaConnection } from '../okta-api/client';

/** The fields of an Okta app the orphan check reads. */
export interface OktaApp {
  readonly id: string;
  readonly label: string;
  readonly status: string;
  readonly created: string;
  readonly clientId?: string;
  readonly profile?: unknown;
}

/** Apps per page: Okta's maximum for /api/v1/apps. */
export const APPS_PAGE_SIZE = 200;

/** Every app of the org (`GET /api/v1/apps`, all pages), backing off on 429 until the window resets. */
export async function listOktaApps(connection: OktaConnection): Promise<OktaApp[]> {
  const apps = await getAllPages(connection, `/api/v1/apps?limit=${APPS_PAGE_SIZE}`);
  return (apps as Array<Record<string, unknown>>).map(toOktaApp);
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
