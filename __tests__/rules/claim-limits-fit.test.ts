import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('claim-limits-fit', () => {
  test('a limit of the list size is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'org', limit: 2 }] }) })).toEqual([]);
  });

  test.each([
    [0, 'limit must be between 1 and 100, but got 0'],
    [101, 'limit must be between 1 and 100, but got 101'],
    [1, /^limit must be at least the number of allow-listed groups \(2\), but got 1: Okta would refuse the token/],
  ])('limit %p', (limit, message) => {
    const file = allowlist({ claims: [{ server: 'org', limit }] });
    expectProblem({ 'a.json': file }, at(A, file, `"limit": ${limit}`, 1, '"limit": '.length), message);
  });
});
