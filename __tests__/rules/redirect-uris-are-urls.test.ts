import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('redirect-uris-are-urls', () => {
  const app = allowlist().app as Record<string, unknown>;

  test('an absolute URI with a query is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ app: { ...app, redirectUris: ['https://a.example.com/cb?x=1'] } }) })).toEqual([]);
  });

  test('a redirect URI that is not absolute', () => {
    const file = allowlist({ app: { ...app, redirectUris: ['/callback'] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"/callback"'),
      'app.redirectUris[0] must be an absolute URI such as "https://app.example.com/callback", but got "/callback"',
    );
  });

  test('a redirect URI with a fragment', () => {
    const file = allowlist({ app: { ...app, redirectUris: ['https://a.example.com/cb#x'] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"https://a.example.com/cb#x"'),
      'app.redirectUris[0] must not have a #fragment, but got "https://a.example.com/cb#x"',
    );
  });
});
