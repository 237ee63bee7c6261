import { Finding, quoted } from '../../rules/rule';
import { PolicyRule } from '../rule';
import { own } from '../../model/own';

/** In each environment that lists `servers`, claims use only those authorization servers. */
export const environmentServers: PolicyRule = {
  id: 'OKTA-C3',
  scope: 'file',
  title: 'Authorization servers each environment exposes',
  level: 'error',
  explanation:
    'A claim on a custom authorization server reaches every app that uses the server, including apps owned by other teams. The platform team decides which servers app teams may add claims to in each environment.',
  checks: 'In each environment, claims use only the authorization servers `servers` lists (`"org"` and/or custom server names).',
  setting: '`environments.<env>.servers`',
  check(app, { policy }) {
    const findings: Finding[] = [];
    for (const claim of app.claims) {
      for (const env of app.environments) {
        const servers = own(policy.environments, env)?.servers;
        if (!servers || servers.includes(claim.server)) continue;
        findings.push({
          path: [...claim.path, 'server'],
          message: `server "${claim.server}" is not open to allow lists in ${env}: policy.json (environments.${env}.servers) allows ${quoted(servers)}. Use one of them, or leave ${env} out of the app's "environments"`,
        });
      }
    }
    return findings;
  },
};
