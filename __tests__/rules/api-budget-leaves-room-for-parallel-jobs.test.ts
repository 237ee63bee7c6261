import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('api-budget-leaves-room-for-parallel-jobs', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('a budget that leaves room for the requests in flight is accepted', () => {
    const envs = environments({ dev: { ...dev, rateLimits: { maxApiCapacity: 60, parallelJobs: 4 } } });
    expect(problemsOf({ 'a.json': allowlist() }, envs)).toEqual([]);
  });

  test('an API budget that leaves no room for the requests in flight of the parallel stacks', () => {
    const envs = environments({ dev: { ...dev, rateLimits: { maxApiCapacity: 70, parallelJobs: 4 } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"rateLimits": {', 1, '"rateLimits": '.length),
      /^rateLimits.maxApiCapacity must be at most 60 with parallelJobs 4, but got 70: when the budget is reached/,
      envs,
    );
  });
});
