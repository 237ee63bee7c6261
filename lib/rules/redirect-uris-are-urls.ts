import { FileCheck, FileRule, Finding } from './rule';

/** Redirect URIs must be absolute URIs without a fragment (RFC 6749 §3.1.2). */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const check = (field: 'redirectUris' | 'postLogoutRedirectUris', uris: readonly string[]): void => {
    uris.forEach((uri, index) => {
      const path = ['app', field, index];
      let parsed: URL | undefined;
      try {
        parsed = new URL(uri);
      } catch {
        findings.push({
          path,
          message: `app.${field}[${index}] must be an absolute URI such as "https://app.example.com/callback", but got "${uri}"`,
        });
        return;
      }
      if (parsed.hash) findings.push({ path, message: `app.${field}[${index}] must not have a #fragment, but got "${uri}"` });
    });
  };
  check('redirectUris', app.redirectUris);
  check('postLogoutRedirectUris', app.postLogoutRedirectUris);
  return findings;
};

export const redirectUrisAreUrls: FileRule = {
  id: 'redirect-uris-are-urls',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Redirect URIs are absolute and without fragment',
  explanation:
    'Okta sends the sign-in code to the redirect URI, which must be an absolute URI without a `#fragment` (RFC 6749, section 3.1.2).',
  check,
};
