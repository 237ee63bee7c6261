import { Finding, quoted } from '../../rules/rule';
import { destinationHost, isLoopback, redirectUrisOf } from '../redirect-uris';
import { PolicyRule } from '../rule';
import { own } from '../../model/own';

/**
 * In every environment of the app that lists `redirectDomains`, each redirect URI points to one
 * of those domains or a subdomain. Loopback addresses are left to OKTA-R1.
 */
export const redirectDomains: PolicyRule = {
  id: 'OKTA-R3',
  scope: 'file',
  title: 'Redirect URIs stay on allowed domains',
  level: 'error',
  explanation:
    'Sign-in codes must go only to hosts the company runs. Each environment lists its domains, so a production app cannot send users to a test or third-party host.',
  checks:
    "In each environment of the app, every URI goes to one of `redirectDomains` or a subdomain of one. A native app's scheme `com.acme.app` counts as host `app.acme.com`.",
  setting: '`environments.<env>.redirectDomains`',
  check(app, { policy }) {
    const findings: Finding[] = [];
    for (const { uri, path, url } of redirectUrisOf(app)) {
      if (!url || isLoopback(url)) continue;
      const host = destinationHost(url);
      const refusing = app.environments.filter((env) => {
        const domains = own(policy.environments, env)?.redirectDomains;
        return domains && !domains.some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`));
      });
      // Environments usually share their domain list: one message for those that do.
      const byDomains = new Map<string, string[]>();
      for (const env of refusing) {
        const key = JSON.stringify(own(policy.environments, env)?.redirectDomains);
        byDomains.set(key, [...(byDomains.get(key) ?? []), env]);
      }
      for (const envs of byDomains.values()) {
        const domains = policy.environments![envs[0]].redirectDomains!;
        findings.push({
          path,
          message: `"${uri}" must point to an allowed domain in ${envs.join(' and ')}, but goes to "${host}": policy.json (environments → redirectDomains) allows ${quoted(domains)} and their subdomains there. Use an address on one of them, or ask the platform team to add your domain`,
        });
      }
    }
    return findings;
  },
};
