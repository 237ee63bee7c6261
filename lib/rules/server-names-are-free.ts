import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

/** "org" in an allow-list file means the Org authorization server, so no custom server may be named so. */
const check: EnvironmentsCheck = ({ environments }) => {
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

export const serverNamesAreFree: EnvironmentsRule = {
  id: 'server-names-are-free',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'No custom server is named org',
  explanation: '`org` in an allow-list file means the Org authorization server, so no custom server may be named so.',
  check,
};
