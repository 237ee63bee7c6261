import { FileCheck, FileRule, Finding, quoted } from './rule';

/** A claim's server is "org" or a custom server declared in every environment the app is in. */
const check: FileCheck = (app, { environments }) => {
  const findings: Finding[] = [];
  for (const claim of app.claims) {
    if (claim.server === 'org') continue;
    const missing = app.environments.filter((env) => !environments.environments.get(env)?.servers.has(claim.server));
    for (const env of missing) {
      const known = [...(environments.environments.get(env)?.servers.keys() ?? [])];
      findings.push({
        path: [...claim.path, 'server'],
        message: `server "${claim.server}" is not an authorization server of environment "${env}": use "org"${known.length ? ` or one of ${quoted(known)}` : ''}, or declare it in the environments file`,
      });
    }
  }
  return findings;
};

export const claimServersExist: FileRule = {
  id: 'claim-servers-exist',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Claim servers exist',
  explanation:
    "A claim's `server` is `org` or a custom authorization server the environments file declares in every environment of the app.",
  check,
};
