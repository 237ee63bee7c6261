import { budgetWaitMs, getAllPages, getJson } from '../../lib/okta-api/client';

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

describe('budgetWaitMs', () => {
  const headers = (limit: number, remaining: number) =>
    new Headers({ 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': '100' });
  test('no pause while the org uses less than its share of the bucket', () => {
    expect(budgetWaitMs(headers(100, 51), 50, 0)).toBe(0);
  });
  test('at the share, waits for the window to reset (plus a second)', () => {
    expect(budgetWaitMs(headers(100, 50), 50, 90_000)).toBe(11_000);
  });
  test('no rate-limit headers: no pause', () => {
    expect(budgetWaitMs(new Headers(), 50, 0)).toBe(0);
  });
});

describe('getJson and getAllPages', () => {
  test('pause for the budget after an answer that reaches it', async () => {
    const waits: number[] = [];
    const fetchStub = (async () =>
      answer(
        200,
        { ok: true },
        { 'X-Rate-Limit-Limit': '10', 'X-Rate-Limit-Remaining': '2', 'X-Rate-Limit-Reset': '20' },
      )) as unknown as typeof fetch;
    const body = await getJson(
      {
        baseUrl: 'http://x',
        authorization: 'SSWS t',
        fetch: fetchStub,
        now: () => 10_000,
        sleep: async (ms) => void waits.push(ms),
        maxApiCapacity: 50,
      },
      '/api/v1/x',
    );
    expect(body).toEqual({ ok: true });
    expect(waits).toEqual([11_000]);
  });
  test('report the count after each page', async () => {
    const pages = [answer(200, [1, 2], { Link: '<https://o.okta.com/api/v1/x?after=2>; rel="next"' }), answer(200, [3])];
    const counts: number[] = [];
    const items = await getAllPages(
      { baseUrl: 'http://x', authorization: 'SSWS t', fetch: (async () => pages.shift()!) as unknown as typeof fetch },
      '/api/v1/x',
      (n) => counts.push(n),
    );
    expect(items).toEqual([1, 2, 3]);
    expect(counts).toEqual([2, 3]);
  });
});
