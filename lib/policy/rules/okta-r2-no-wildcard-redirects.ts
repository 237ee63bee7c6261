import { PolicyRule } from '../rule';
import { redirectUrisOf } from '../redirect-uris';

/** No "*" anywhere in a redirect or post-logout URI. */
export const noWildcardRedirects: PolicyRule = {
  id: 'OKTA-R2',
  scope: 'file',
  title: 'No wildcard redirect URIs',
  level: 'error',
  explanation:
    'A wildcard lets Okta send sign-in codes to any matching address, including a forgotten or taken-over subdomain. Every address must be listed exactly.',
  checks: 'No `*` in a redirect or post-logout URI.',
  setting: 'always on',
  check(app) {
    return redirectUrisOf(app)
      .filter(({ uri }) => uri.includes('*'))
      .map(({ uri, path }) => ({ path, message: `"${uri}" must not contain "*": list every address exactly, one entry each` }));
  },
};
