import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('servers-have-one-reference', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('a server found by its lookup name alone is accepted', () => {
    const envs = environments({
      dev: { ...dev, authorizationServers: { default: { lookupName: 'Default', dedicatedToManagedApps: true } } },
    });
    expect(problemsOf({ 'a.json': allowlist() }, envs)).toEqual([]);
  });

  test('a server with both an ID and a lookup name', () => {
    const envs = environments({ dev: { ...dev, authorizationServers: { default: { id: 'default', lookupName: 'Default' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"default": {', 1, '"default": '.length),
      'authorization server "default" must have exactly one of "id" or "lookupName", but got both',
      envs,
    );
  });
});
