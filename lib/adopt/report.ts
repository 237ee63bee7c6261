import { printable } from '../load/problem';
import { CheckReport } from './check';

/** `adopt --check` in words: what in the org no file describes yet, for reviewers and the weekly drift job. */
export function checkReport(environment: string, orgUrl: string, appsListed: number, report: CheckReport): string[] {
  const lines = [`adopt --check ${environment}: ${appsListed} web, native or browser OIDC app(s) on ${orgUrl}.`];
  lines.push(
    report.unmanagedApps.length === 0
      ? 'Every app is managed by an allow-list file.'
      : `${report.unmanagedApps.length} app(s) no allow-list file manages (npm run adopt -- --env ${environment} --app <ID> writes one):`,
  );
  for (const app of report.unmanagedApps) lines.push(`  - "${printable(app.label)}" (${app.id}, ${app.type})`);
  lines.push(
    report.unaskedClaims.length === 0
      ? 'Every claim on the declared authorization servers is asked for by a file.'
      : `${report.unaskedClaims.length} claim(s) on declared authorization servers that no file asks for (Okta evaluates them for every app using the server):`,
  );
  for (const { server, serverId, claim } of report.unaskedClaims) {
    const value = claim.valueType === 'EXPRESSION' ? claim.value : `${claim.valueType} ${claim.value}`;
    lines.push(
      `  - "${printable(claim.name)}" (${claim.token} token${claim.active ? '' : ', inactive'}) on ${server} (${serverId}): ${printable(value)}`,
    );
  }
  return lines;
}
