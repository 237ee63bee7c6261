/** A tiny HTTP client for the emulator tests (plain HTTP to 127.0.0.1). */
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Each Link header line on its own (node joins them in `headers`). */
  links: string[];
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary JSON
}

/** Sends one request; `token` null leaves the Authorization header out. */
export function call(url: string, method: string, path: string, body?: unknown, token: string | null = 'tok'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    if (token !== null) headers.Authorization = `SSWS ${token}`;
    const req = request(url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const links = res.rawHeaders.filter((_, i) => i % 2 === 1 && res.rawHeaders[i - 1].toLowerCase() === 'link');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, links, body: text ? JSON.parse(text) : undefined });
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** The body the okta provider 4.20.0 sends to create a web app (from recorded traffic). */
export function webAppBody(label: string, profile?: object): object {
  return {
    accessibility: { selfService: false },
    credentials: {
      userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' },
      oauthClient: { autoKeyRotation: true, pkce_required: false, token_endpoint_auth_method: 'client_secret_basic' },
    },
    label,
    name: 'oidc_client',
    ...(profile ? { profile } : {}),
    settings: {
      app: {},
      implicitAssignment: false,
      notes: { admin: null, enduser: null },
      oauthClient: {
        application_type: 'web',
        consent_method: 'TRUSTED',
        grant_types: ['authorization_code'],
        idp_initiated_login: { default_scope: [], mode: 'DISABLED' },
        issuer_mode: 'ORG_URL',
        redirect_uris: ['https://example.com/'],
        response_types: ['code'],
        wildcard_redirect: 'DISABLED',
      },
    },
    signOnMode: 'OPENID_CONNECT',
    visibility: { autoSubmitToolbar: false, hide: { iOS: true, web: true } },
  };
}
