import { Finding } from '../../rules/rule';
import { isLoopback, isPrivateUseScheme, redirectUrisOf } from '../redirect-uris';
import { PolicyRule } from '../rule';
import { own } from '../../model/own';

/**
 * Redirect URIs use https://. Exceptions: http:// on the loopback address for native apps
 * (RFC 8252 §7.3) and for every app in environments policy.json marks `"production": false`;
 * a reverse-domain private-use scheme ("com.acme.app:/callback") for native apps.
 */
export const httpsRedirects: PolicyRule = {
  id: 'OKTA-R1',
  scope: 'file',
  title: 'Redirect URIs use HTTPS',
  level: 'error',
  explanation:
    'Okta sends the sign-in code to the redirect URI. Over plain http anyone on the network path can read it and sign in as the user. Loopback addresses never leave the machine, so they are allowed for native apps and in non-production environments.',
  checks:
    'Redirect and post-logout URIs use `https://`. Allowed exceptions: `http://localhost`, `127.0.0.1` or `[::1]` for native apps, or for any app that is only in environments marked `"production": false`; a reverse-domain scheme such as `com.acme.app:/callback` for native apps.',
  setting: '`environments.<env>.production` (default `true`)',
  check(app, { policy }) {
    const findings: Finding[] = [];
    const production = app.environments.filter((env) => own(policy.environments, env)?.production !== false);
    for (const { uri, path, url } of redirectUrisOf(app)) {
      if (!url || url.protocol === 'https:') continue;
      if (url.protocol === 'http:' && isLoopback(url)) {
        if (app.type === 'native' || production.length === 0) continue;
        findings.push({
          path,
          message: `"${uri}" must use https://: http://${url.host} is allowed only for native apps, or in environments policy.json marks "production": false, but this ${app.type} app is also in ${production.join(', ')}. Use an https:// address, or limit the app with "environments"`,
        });
      } else if (url.protocol === 'http:') {
        findings.push({
          path,
          message: `"${uri}" must use https://, but uses http://: the sign-in code would travel unencrypted. Change it to "${uri.replace(/^http:/i, 'https:')}"`,
        });
      } else if (!(app.type === 'native' && isPrivateUseScheme(url))) {
        findings.push({
          path,
          message: `"${uri}" must be an https:// address, but uses "${url.protocol}": other schemes are allowed only for native apps, named after a domain you own in reverse, such as "com.acme.app:/callback"`,
        });
      }
    }
    return findings;
  },
};
