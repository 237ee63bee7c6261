import { Finding, quoted } from '../../rules/rule';
import { PolicyRule } from '../rule';

/** Why the usual offenders are refused, so the message says what to use instead. */
const ADVICE: Readonly<Record<string, string>> = {
  implicit:
    'the implicit flow hands tokens over in the browser address, where they leak into history and logs; use "authorization_code" (with PKCE) instead',
  password: 'the password grant gives the app the user\'s password and skips multi-factor sign-in; use "authorization_code" instead',
};

/** Each app type may use only the grant types policy.json lists for it (`apps.grantTypes`). */
export const grantTypes: PolicyRule = {
  id: 'OKTA-A1',
  scope: 'file',
  title: 'Allowed grant types per app type',
  level: 'error',
  explanation:
    "Some OAuth flows are unsafe or make no sense for an app type: the implicit flow leaks tokens in browser addresses; the password grant hands the app the user's password and skips multi-factor sign-in. The platform team lists the flows each app type may use.",
  checks: "Each grant type is listed for the app's type; an app type that is not listed may use none.",
  setting: '`apps.grantTypes`',
  check(app, { policy }) {
    const allowedByType = policy.apps?.grantTypes;
    if (!allowedByType) return [];
    const allowed = allowedByType[app.type] ?? [];
    const findings: Finding[] = [];
    app.grantTypes.forEach((grant, index) => {
      if (allowed.includes(grant)) return;
      const instead =
        allowed.length > 0 ? `${app.type} apps may use ${quoted(allowed)}` : `policy.json allows no grant type for ${app.type} apps`;
      findings.push({
        path: ['app', 'grantTypes', index],
        message: `grant type "${grant}" is not allowed for ${app.type} apps (policy.json, apps.grantTypes)${ADVICE[grant] ? `: ${ADVICE[grant]}` : ''}. Remove it; ${instead}`,
      });
    });
    return findings;
  },
};
