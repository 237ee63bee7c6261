import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('backend-settings-are-known', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
  const withS3 = (config: Record<string, unknown>) => environments({ dev: { ...dev, backend: { type: 's3', config } } });

  test('the settings the backend knows are accepted', () => {
    expect(problemsOf({ 'a.json': allowlist() }, withS3({ bucket: 'b', region: 'r', key: 'okta/{stack}', useLockfile: true }))).toEqual([]);
  });

  test('a misspelt setting suggests the right one', () => {
    const envs = withS3({ bukket: 'b', bucket: 'b', region: 'r', key: 'okta/{stack}', useLockfile: true });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"b"'),
      'backend.config of a "s3" backend must use its settings, but got "bukket": did you mean "bucket"?',
      envs,
    );
  });
});
