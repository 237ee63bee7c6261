import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, envWith, expectProblem } from '../helpers/located-problems';

describe('claim-scopes-exist', () => {
  const scoped = (scope: string) => allowlist({ claims: [{ server: 'default', token: 'access', scopes: [scope] }] });

  test('a claim restricted to "groups" on a server that neither manages nor declares it', () => {
    const file = scoped('groups');
    expectProblem(
      { 'a.json': file },
      at(A, file, '"groups"', 2),
      'each scope of a claim must exist on server "default" in environment "prod", but got "groups", which the environments file neither manages nor declares there: set "manageGroupsScope": true on it (this repository then creates the scope) or, if the server already has it, list it in its "existingScopes" (environments.prod.authorizationServers.default)',
    );
  });

  test('a claim restricted to an undeclared custom scope', () => {
    const file = scoped('payroll.read');
    expectProblem(
      { 'a.json': file },
      at(A, file, '"payroll.read"'),
      /^each scope of a claim must exist on server "default" in environment "dev", but got "payroll.read", .*list it in the server's "existingScopes"/,
    );
  });

  test.each([
    ['a managed groups scope', 'groups', { id: 'default', manageGroupsScope: true }],
    ['a declared existing scope', 'payroll.read', { id: 'default', existingScopes: ['payroll.read'] }],
    ['an Okta system scope', 'profile', { id: 'default' }],
  ])('%s is accepted', (_, scope, server) => {
    expect(problemsOf({ 'a.json': scoped(scope) }, envWith(server))).toEqual([]);
  });
});
