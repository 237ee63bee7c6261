import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('previous-keys-are-unique', () => {
  test('a file taking over a key no file has is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ previousKeys: ['old'] }), 'b.json': allowlist() })).toEqual([]);
  });

  test('previousKeys naming a file that still exists', () => {
    const file = allowlist({ previousKeys: ['b'] });
    expectProblem(
      { 'a.json': file, 'b.json': allowlist() },
      at(A, file, '"b"'),
      /^previousKeys names "b", but allowlists\/b.json still exists: a renamed app has one file/,
    );
  });

  test('two files taking over the same old app', () => {
    const file = allowlist({ previousKeys: ['old'] });
    expectProblem(
      { 'a.json': file, 'b.json': file },
      at('allowlists/b.json', file, '"old"'),
      'previousKeys names "old", which allowlists/a.json also names: only one file can take over an app',
    );
  });
});
