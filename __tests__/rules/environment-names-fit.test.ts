import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('environment-names-fit', () => {
  const prod = (environments().environments as Record<string, Record<string, unknown>>).prod;

  test('a name of 32 characters is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ environments: ['dev'] }) }, environments({ [`e${'x'.repeat(31)}`]: prod }))).toEqual([]);
  });

  test('a longer name is refused at the name', () => {
    const long = `e${'x'.repeat(32)}`;
    const envs = environments({ [long]: prod });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, `"${long}": {`, 1, `"${long}": `.length),
      `an environment name must be at most 32 characters, but "${long}" has 33: allow-list files could not name it. Use a shorter name`,
      envs,
    );
  });
});
