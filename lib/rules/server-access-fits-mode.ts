import { EnvironmentsCheck, EnvironmentsRule, Finding } from './rule';

const MANAGED_ONLY = ['policyName', 'priority'] as const;
const VERIFIED_ONLY = ['checkPolicies'] as const;

/** A server's access settings belong to its mode: a verified server owns no policy, a managed one checks none. */
const check: EnvironmentsCheck = ({ environments }) => {
  const findings: Finding[] = [];
  for (const [env, settings] of Object.entries(environments)) {
    for (const [name, server] of Object.entries(settings.authorizationServers ?? {})) {
      const access = server.access;
      if (!access) continue;
      const foreign = access.mode === 'managed' ? VERIFIED_ONLY : MANAGED_ONLY;
      for (const field of foreign) {
        if (access[field] === undefined) continue;
        findings.push({
          path: ['environments', env, 'authorizationServers', name, 'access', field],
          message: `access.${field} must be left out with mode "${access.mode}", but got it: ${field === 'checkPolicies' ? 'a managed server checks no other policy' : 'a verified server owns no policy'}. Remove it, or set "mode": "${access.mode === 'managed' ? 'verified' : 'managed'}"`,
        });
      }
    }
  }
  return findings;
};

export const serverAccessFitsMode: EnvironmentsRule = {
  id: 'server-access-fits-mode',
  scope: 'environments',
  level: 'error',
  configurable: false,
  title: 'Server access settings fit the mode',
  explanation:
    "A server's access settings belong to its mode: a `verified` server owns no access policy, a `managed` one checks no other policy.",
  check,
};
