import { nextLink } from '../../lib/okta-api/link-header';

describe('nextLink', () => {
  test('finds rel="next" among links joined from separate header lines', () => {
    const joined =
      '<https://acme.okta.com/api/v1/apps?limit=200>; rel="self", <https://acme.okta.com/api/v1/apps?after=0oa2&limit=200>; rel="next"';
    expect(nextLink(joined)).toBe('https://acme.okta.com/api/v1/apps?after=0oa2&limit=200');
  });
  test('no next link on the last page, or no header at all', () => {
    expect(nextLink('<https://acme.okta.com/api/v1/apps?limit=200>; rel="self"')).toBeUndefined();
    expect(nextLink(null)).toBeUndefined();
  });
  test('a comma inside a URL does not split it', () => {
    expect(nextLink('<https://x/api/v1/apps?filter=a,b&after=1>; rel="next"')).toBe('https://x/api/v1/apps?filter=a,b&after=1');
  });
});
