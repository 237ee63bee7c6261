import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { at, E, expectProblem } from '../helpers/located-problems';

describe('backends-are-complete', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('an s3 backend with its settings and a lock is accepted', () => {
    const envs = environments({
      dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', key: 'okta/{stack}.tfstate', region: 'r', useLockfile: true } } },
    });
    expect(problemsOf({ 'a.json': allowlist() }, envs)).toEqual([]);
  });

  test('an s3 backend without its bucket', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { key: 'k', region: 'eu-west-1' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '{\n        "type": "s3"'),
      'backend "s3" of environment "dev" must set "bucket" in "config", but they are missing',
      envs,
    );
  });

  test('a credential in the backend settings', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', key: 'k', region: 'r', secretKey: 'x' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"x"'),
      /^backend.config.secretKey looks like a credential: never put secrets in this file/,
      envs,
    );
  });
});
