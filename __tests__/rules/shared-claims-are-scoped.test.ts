import { allowlist, projectOf } from '../helpers/fixture';
import { A, at, envWith, expectProblem } from '../helpers/located-problems';

describe('shared-claims-are-scoped', () => {
  test('a claim without scopes on a server not dedicated to managed apps needs a groups scope there', () => {
    const file = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    const envs = envWith({ id: 'default' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server"'),
      /^a claim without "scopes" on server "default" must find a "groups" scope there in environment "dev", but got a server that neither manages nor declares it: .*Set "manageGroupsScope": true on the server .*set "dedicatedToManagedApps": true \(environments\.dev\.authorizationServers\.default\)$/,
      envs,
    );
  });

  test.each([
    ['a managed groups scope', { id: 'default', manageGroupsScope: true }, ['groups']],
    ['a declared existing groups scope', { id: 'default', existingScopes: ['groups'] }, ['groups']],
    ['a server dedicated to managed apps', { id: 'default', dedicatedToManagedApps: true }, undefined],
  ])('a claim without scopes on %s is accepted, restricted to %j', (_, server, scopes) => {
    const project = projectOf({ 'a.json': allowlist({ claims: [{ server: 'default', token: 'access' }] }) }, envWith(server));
    expect(project.plans.map((p) => p.sharedClaims.map((c) => c.scopes))).toEqual([[scopes], [scopes]]);
  });
});
