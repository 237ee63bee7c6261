import { connectionFromEnvironment, rateLimitWaitMs } from '../../lib/okta-api/client';
import { listOktaApps } from '../../lib/orphans/okta-apps';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('connectionFromEnvironment', () => {
  test('the org URL from the environments file, an SSWS token from OKTA_API_TOKEN', () => {
    expect(connectionFromEnvironment('acme', 'okta.com', { OKTA_API_TOKEN: 't' })).toEqual({
      baseUrl: 'https://acme.okta.com',
      authorization: 'SSWS t',
    });
  });
  test('OKTA_HTTP_PROXY replaces the org URL, as it does for the provider', () => {
    expect(connectionFromEnvironment('acme', 'okta.com', { OKTA_API_TOKEN: 't', OKTA_HTTP_PROXY: 'http://127.0.0.1:9/' }).baseUrl).toBe(
      'http://127.0.0.1:9',
    );
  });
  test('no token is an error that says what is needed', () => {
    expect(() => connectionFromEnvironment('acme', 'okta.com', {})).toThrow(/OKTA_API_TOKEN is not set/);
  });
});

describe('listOktaApps', () => {
  test('follows rel="next" through every page, on the proxy when one is used', async () => {
    const urls: string[] = [];
    const pages = [
      answer(
        200,
        [
          {
            id: '0oa1',
            label: 'A',
            status: 'ACTIVE',
            created: '2024-01-01T00:00:00.000Z',
            credentials: { oauthClient: { client_id: 'c1' } },
          },
        ],
        {
          Link: '<https://acme.okta.com/api/v1/apps?limit=200>; rel="self", <https://acme.okta.com/api/v1/apps?after=0oa1&limit=200>; rel="next"',
        },
      ),
      answer(200, [{ id: '0oa2', label: 'B', status: 'INACTIVE', created: '2024-01-02T00:00:00.000Z' }]),
    ];
    const fetchStub = (async (url: string) => {
      urls.push(url);
      return pages.shift()!;
    }) as unknown as typeof fetch;
    const apps = await listOktaApps({ baseUrl: 'http://127.0.0.1:9', authorization: 'SSWS t', fetch: fetchStub });
    expect(urls).toEqual(['http://127.0.0.1:9/api/v1/apps?limit=200', 'http://127.0.0.1:9/api/v1/apps?after=0oa1&limit=200']);
    expect(apps.map((app) => [app.id, app.label, app.status, app.clientId])).toEqual([
      ['0oa1', 'A', 'ACTIVE', 'c1'],
      ['0oa2', 'B', 'INACTIVE', undefined],
    ]);
  });

  test('on 429 waits until X-Rate-Limit-Reset (plus a second), then asks again', async () => {
    const waits: number[] = [];
    const pages = [answer(429, { errorCode: 'E0000047' }, { 'X-Rate-Limit-Reset': '1010' }), answer(200, [])];
    const fetchStub = (async () => pages.shift()!) as unknown as typeof fetch;
    const apps = await listOktaApps({
      baseUrl: 'http://x',
      authorization: 'SSWS t',
      fetch: fetchStub,
      now: () => 1_000_000,
      sleep: async (ms) => void waits.push(ms),
    });
    expect(apps).toEqual([]);
    expect(waits).toEqual([11_000]);
  });

  test('gives up after the allowed 429s, and fails on any other error', async () => {
    const always429 = (async () => answer(429, {}, { 'X-Rate-Limit-Reset': '0' })) as unknown as typeof fetch;
    await expect(
      listOktaApps({ baseUrl: 'http://x', authorization: 'SSWS t', fetch: always429, sleep: async () => {}, maxRateLimitRetries: 2 }),
    ).rejects.toThrow(/answered 429/);
    const denied = (async () => answer(403, { errorSummary: 'denied' })) as unknown as typeof fetch;
    await expect(listOktaApps({ baseUrl: 'http://x', authorization: 'SSWS t', fetch: denied })).rejects.toThrow(/answered 403/);
  });

  test('rateLimitWaitMs: never under a second; a minute without a usable header', () => {
    expect(rateLimitWaitMs('0', 5_000)).toBe(1000);
    expect(rateLimitWaitMs(null, 5_000)).toBe(60_000);
  });
});
