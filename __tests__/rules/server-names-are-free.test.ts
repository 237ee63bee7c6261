import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('server-names-are-free', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const withServers = (authorizationServers: Record<string, unknown>) => environments({ dev: { ...dev, authorizationServers } });

  test('a custom server named other than "org" is accepted', () => {
    const envs = withServers({ default: { id: 'default', dedicatedToManagedApps: true }, organisation: { id: 'aus1' } });
    expect(problemsOf({ 'a.json': allowlist() }, envs)).toEqual([]);
  });

  test('a custom server named "org", in any case, is refused', () => {
    const envs = withServers({ default: { id: 'default', dedicatedToManagedApps: true }, Org: { id: 'aus1' } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"Org": {', 1, '"Org": '.length),
      /^a custom authorization server must not be named "org", but environment "dev" declares "Org": "org" means the Org authorization server/,
      envs,
    );
  });
});
