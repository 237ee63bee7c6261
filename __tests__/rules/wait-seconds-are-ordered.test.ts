import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('wait-seconds-are-ordered', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const withWaits = (minWaitSeconds: number, maxWaitSeconds: number) =>
    environments({ dev: { ...dev, rateLimits: { minWaitSeconds, maxWaitSeconds } } });

  test('a minimum up to the maximum is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist() }, withWaits(60, 60))).toEqual([]);
  });

  test('a minimum above the maximum is refused', () => {
    const envs = withWaits(400, 60);
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '400'),
      /^rateLimits\.minWaitSeconds must be at most maxWaitSeconds, but environment "dev" has 400 and 60/,
      envs,
    );
  });
});
