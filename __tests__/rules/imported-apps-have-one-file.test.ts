import { allowlist, problemsOf } from '../helpers/fixture';
import { at, expectProblem } from '../helpers/located-problems';

describe('imported-apps-have-one-file', () => {
  const importing = (importIds: Record<string, string>) => allowlist({ app: { ...(allowlist().app as object), importIds } });

  test('one app ID imported in different environments (different orgs) is accepted', () => {
    expect(
      problemsOf({ 'a.json': importing({ prod: '0oa1b2c3d4e5f6g7h8i9' }), 'b.json': importing({ dev: '0oa1b2c3d4e5f6g7h8i9' }) }),
    ).toEqual([]);
  });

  test('two files importing one app in one environment are refused, in the second file', () => {
    const file = importing({ prod: '0oa1b2c3d4e5f6g7h8i9' });
    expectProblem(
      { 'a.json': file, 'b.json': file },
      at('allowlists/b.json', file, '"0oa1b2c3d4e5f6g7h8i9"'),
      'app.importIds.prod must name an Okta app no other file adopts, but allowlists/a.json also imports "0oa1b2c3d4e5f6g7h8i9" in "prod": one Okta app can be managed by one allow-list file only. Remove the import from one of the two files',
    );
  });
});
