import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('backend-settings-are-literal', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const withS3Key = (key: string) =>
    environments({ dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', region: 'r', key, useLockfile: true } } } });

  test('plain text with "$" and "{stack}" is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist() }, withS3Key('okta/$team/{stack}'))).toEqual([]);
  });

  test('a setting holding "${" is refused, since the state reader would evaluate it', () => {
    const envs = withS3Key('okta/{stack}/${path.root}');
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"okta/{stack}/${path.root}"'),
      /^backend settings must be plain text, but backend\.config\.key of environment "dev" holds "okta\/\{stack\}\/\$\{path\.root\}"/,
      envs,
    );
  });
});
