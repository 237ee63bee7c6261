import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('backends-separate-stacks', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('a state name holding {stack} is accepted', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 'gcs', config: { bucket: 'b', prefix: 'okta/{stack}' } } } });
    expect(problemsOf({ 'a.json': allowlist() }, envs)).toEqual([]);
  });

  test('a backend without a state name per stack would put every stack in one state', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 'gcs', config: { bucket: 'b' } } } });
    const problems = problemsOf({ 'a.json': allowlist() }, envs);
    expect(problems).toContain(
      `${at(E, envs, '"config": {', 1, '"config": '.length)}: backend.config.prefix must name each stack's state with "{stack}" (e.g. "okta/{stack}"), but got nothing: without it every stack of "dev" would share one state`,
    );
  });

  test('a remote state setting without {stack} would put every shard in one state', () => {
    const E = 'environments.json';
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', key: 'okta/dev.tfstate', region: 'r' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"okta/dev.tfstate"'),
      'backend.config.key must contain "{stack}" so each stack of "dev" has its own state, but got "okta/dev.tfstate": for example "okta/dev-{stack}.tfstate"',
      envs,
    );
  });
});
