import { type RunningEmulator, startEmulator } from '../../emulator';
import { call, webAppBody } from './client';

let emu: RunningEmulator;
beforeEach(async () => {
  emu = await startEmulator({ orgHost: 'acme.okta.com', apiToken: 'tok', rateLimits: { windowMs: 2000, limits: { apps: 2 } } });
});
afterEach(() => emu.stop());

describe('emulator rate limits and faults', () => {
  it('answers 429 E0000047 over a family limit, with the rate-limit headers on every answer', async () => {
    const first = await call(emu.url, 'GET', '/api/v1/apps');
    expect(first.headers).toMatchObject({ 'x-rate-limit-limit': '2', 'x-rate-limit-remaining': '1' });
    const reset = Number(first.headers['x-rate-limit-reset']);
    expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    await call(emu.url, 'GET', '/api/v1/apps');
    const limited = await call(emu.url, 'GET', '/api/v1/apps');
    expect(limited.status).toBe(429);
    expect(limited.body.errorCode).toBe('E0000047');
    expect(limited.headers['x-rate-limit-remaining']).toBe('0');
    // Another family has its own bucket (default 1200).
    expect((await call(emu.url, 'GET', '/api/v1/groups')).headers['x-rate-limit-limit']).toBe('500');
    expect(emu.log.map((e) => [e.family, e.status])).toEqual([
      ['apps', 200],
      ['apps', 200],
      ['apps', 429],
      ['groups', 200],
    ]);
    emu.setRateLimits(false);
    expect((await call(emu.url, 'GET', '/api/v1/apps')).status).toBe(200);
  });

  it('injects a 503 before or after applying a request', async () => {
    emu.setRateLimits(false);
    emu.setFaults([{ method: 'POST', path: '^/api/v1/apps$', status: 503, count: 1 }]);
    expect((await call(emu.url, 'POST', '/api/v1/apps', webAppBody('A'))).status).toBe(503);
    expect(emu.state.apps()).toHaveLength(0);
    emu.setFaults([{ method: 'POST', path: '^/api/v1/apps$', status: 503, count: 1, afterApply: true }]);
    const lost = await call(emu.url, 'POST', '/api/v1/apps', webAppBody('A'));
    expect(lost.status).toBe(503);
    expect(lost.body.errorCode).toBe('E0000009');
    expect(emu.state.apps()).toHaveLength(1);
    expect((await call(emu.url, 'POST', '/api/v1/apps', webAppBody('A'))).status).toBe(200);
    expect(emu.state.apps()).toHaveLength(2);
    expect(emu.log.map((e) => e.status)).toEqual([503, 503, 200]);
  });

  it('fires probabilistic faults repeatably and adds latency', async () => {
    const run = async () => {
      emu.setFaults([{ path: '^/api/v1/groups$', status: 500, probability: 0.5, seed: 7 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await call(emu.url, 'GET', '/api/v1/groups')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
    emu.setFaults([{ path: '^/api/v1/users/me$', latencyMs: 50 }]);
    emu.clearLog();
    expect((await call(emu.url, 'GET', '/api/v1/users/me')).status).toBe(200);
    expect(emu.log[0].ms).toBeGreaterThanOrEqual(45);
  });
});
