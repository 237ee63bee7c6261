import { FileRule, Finding } from './rule';

/** Redirect URIs must be absolute URIs without a fragment (RFC 6749 §3.1.2). */
export const redirectUrisAreUrls: FileRule = (app) => {
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
