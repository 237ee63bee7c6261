import { FileRule, Finding } from './rule';

/** Combinations Okta refuses, or that make a Groups claim meaningless, reported before plan. */
export const appTypeFitsGrants: FileRule = (app) => {
  const findings: Finding[] = [];
  const grants = new Set(app.grantTypes);
  if (app.type === 'service') {
    findings.push({ path: ['app', 'type'], message: 'app.type must be "web", "native" or "browser", but got "service": service apps sign in no user, so a Groups claim would always be empty' });
  }
  if (app.type !== 'web' && app.type !== 'service' && grants.has('client_credentials')) {
    findings.push({ path: ['app', 'grantTypes'], message: `a ${app.type} app cannot use "client_credentials": it is a public client and keeps no secret. Remove it, or use type "web"` });
  }
  if ((grants.has('authorization_code') || grants.has('implicit')) && app.redirectUris.length === 0) {
    findings.push({ path: ['app'], message: 'app.redirectUris must list at least one URI for "authorization_code" or "implicit", but got none' });
  }
  if (grants.has('refresh_token') && !grants.has('authorization_code') && !grants.has('urn:ietf:params:oauth:grant-type:device_code')) {
    findings.push({ path: ['app', 'grantTypes'], message: 'grant "refresh_token" needs "authorization_code" (or device code) beside it: Okta issues refresh tokens only with them' });
  }
  return findings;
};
