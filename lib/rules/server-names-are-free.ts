import { EnvironmentsRule, Finding } from './rule';

/** "org" in an allow-list file means the Org authorization server, so no custom server may be named so. */
export const serverNamesAreFree: EnvironmentsRule = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, settings] of Object.entries(environments)) {
    for (const name of Object.keys(settings.authorizationServers ?? {})) {
      if (name.toLowerCase() === 'org') {
        findings.push({
          path: ['environments', env, 'authorizationServers', name],
          message: `a custom authorization server must not be named "org", but environment "${env}" declares ${JSON.stringify(name)}: "org" means the Org authorization server in allow-list files. Give it another name (its Okta name can go in "lookupName")`,
        });
      }
    }
  }
  return findings;
};
