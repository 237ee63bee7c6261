import { AppSettings } from '../model/allowlist-file';
import { GRANT_REQUIREMENTS, typesAllowing } from '../okta/grant-types';
import { FileCheck, FileRule, Finding, quoted } from './rule';

/** The grants a file can name (the schema's list), so messages suggest only those. */
const FILE_GRANTS: readonly string[] = AppSettings.properties.grantTypes.items.anyOf.map((literal) => literal.const);

/**
 * Combinations Okta or the okta provider refuse, or that make a Groups claim meaningless,
 * reported before plan. The per-type grant table is the provider's (`GRANT_REQUIREMENTS`), which
 * it enforces only at apply.
 */
const check: FileCheck = (app) => {
  const findings: Finding[] = [];
  const grants = new Set(app.grantTypes);
  if (app.type === 'service') {
    findings.push({
      path: ['app', 'type'],
      message:
        'app.type must be "web", "native" or "browser", but got "service": service apps sign in no user, so a Groups claim would always be empty',
    });
  } else {
    const { required, valid } = GRANT_REQUIREMENTS[app.type];
    for (const grant of required.filter((g) => !grants.has(g))) {
      findings.push({
        path: ['app', 'grantTypes'],
        message: `app.grantTypes of a ${app.type} app must contain "${grant}" (the okta provider refuses the app at apply otherwise), but got ${JSON.stringify(app.grantTypes)}: add "${grant}"`,
      });
    }
    app.grantTypes.forEach((grant, index) => {
      if (valid.includes(grant)) return;
      const others = typesAllowing(grant);
      const fix = others.length > 0 ? `remove it, or use type ${others.map((t) => `"${t}"`).join(' or ')}` : 'remove it';
      findings.push({
        path: ['app', 'grantTypes', index],
        message: `app.grantTypes of a ${app.type} app may only contain ${quoted(valid.filter((g) => FILE_GRANTS.includes(g)))}, but got "${grant}": ${fix}`,
      });
    });
  }
  if ((grants.has('authorization_code') || grants.has('implicit')) && app.redirectUris.length === 0) {
    findings.push({
      path: ['app'],
      message: 'app.redirectUris must list at least one URI for "authorization_code" or "implicit", but got none',
    });
  }
  if (grants.has('refresh_token') && !grants.has('authorization_code') && !grants.has('urn:ietf:params:oauth:grant-type:device_code')) {
    findings.push({
      path: ['app', 'grantTypes'],
      message: 'grant "refresh_token" needs "authorization_code" (or device code) beside it: Okta issues refresh tokens only with them',
    });
  }
  return findings;
};

export const appTypeFitsGrants: FileRule = {
  id: 'app-type-fits-grants',
  scope: 'file',
  level: 'error',
  configurable: false,
  title: 'Grant types fit the app type',
  explanation:
    'Combinations the okta provider refuses only at apply are refused before plan (its own table, see [okta-semantics.md](okta-semantics.md#grant-types-per-app-type)): required and allowed grants per app type, redirect URIs for `authorization_code` and `implicit`, `refresh_token` only beside a flow that issues refresh tokens. Service apps sign in no user, so a Groups claim would always be empty.',
  check,
};
