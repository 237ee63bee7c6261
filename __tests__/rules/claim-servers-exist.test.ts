import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at } from '../helpers/located-problems';

describe('claim-servers-exist', () => {
  test('claims on the org server and on a declared custom server are accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'org' }, { server: 'default', token: 'access' }] }) })).toEqual([]);
  });

  test('an unknown authorization server names the environment and the known servers', () => {
    const file = allowlist({ claims: [{ server: 'partners' }] });
    const problems = problemsOf({ 'a.json': file });
    expect(problems).toEqual([
      `${at(A, file, '"partners"')}: server "partners" is not an authorization server of environment "dev": use "org" or one of "default", or declare it in the environments file`,
      `${at(A, file, '"partners"')}: server "partners" is not an authorization server of environment "prod": use "org" or one of "default", or declare it in the environments file`,
    ]);
  });
});
