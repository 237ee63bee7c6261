import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('shards-are-valid', () => {
  test('a move from another shard is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ shard: 'finance', previousShard: 'payroll' }) })).toEqual([]);
  });

  test('a shard may not take the name of the shared stack', () => {
    const file = allowlist({ shard: 'shared' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"shared"'),
      /^the shard must not be named "shared", which is the stack of the shared claims, but got it: set "shard" to another name/,
    );
  });

  test('a team called "shared" needs an explicit shard', () => {
    const file = allowlist({ owners: ['@acme/shared'] });
    expectProblem({ 'a.json': file }, at(A, file, '"@acme/shared"'), /but got it from the first owner: set "shard" to another name/);
  });

  test('previousShard naming the current shard', () => {
    const file = allowlist({ shard: 'finance', previousShard: 'finance' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"finance"', 2),
      'previousShard must name the shard the app moves FROM, but got its current shard "finance": remove previousShard',
    );
  });

  test('a retirement and a shard move at once', () => {
    const file = allowlist({ shard: 'finance', previousShard: 'payroll', retire: { dev: 'destroy' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"retire": {', 1, '"retire": '.length),
      /^an app can be retired or moved to another shard \(previousShard\) in one change, but not both/,
    );
  });

  test('a rename and a shard move at once', () => {
    const file = allowlist({ previousKeys: ['old'], previousShard: 'legacy' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"legacy"'),
      /^an app can be renamed \(previousKeys\) or moved to another shard \(previousShard\) in one change, but not both/,
    );
  });
});
