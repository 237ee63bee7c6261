import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('claims-are-unique', () => {
  test('one claim name in both tokens is two claims', () => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'default' }, { server: 'default', token: 'access' }] }) })).toEqual([]);
  });

  test('the same claim twice', () => {
    const file = allowlist({ claims: [{ server: 'default' }, { server: 'default', token: 'id' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server": "default"', 2),
      'claims[1] repeats claims[0] (server "default", name "groups", id token): remove one',
    );
  });
});
