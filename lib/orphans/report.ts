import { Orphan } from './find-orphans';

/** The safe way to remove one orphan, as numbered steps. Never automatic: only a person can tell that no client uses it. */
export function removalSteps(orphan: Orphan, orgUrl: string): string[] {
  const client = orphan.clientId ?? orphan.id;
  return [
    `Check that nothing uses it: no deployed client holds client_id ${client} (ask the owners of ${orphan.keys.map((key) => `allowlists/${key}.json`).join(', ')}), ` +
      `and the System Log shows no sign-in to it: ${orgUrl}/api/v1/logs?filter=${encodeURIComponent(`target.id eq "${orphan.id}"`)} (Admin Console: Reports > System Log, filter by the app).`,
    `Deactivate it: Admin Console > Applications > Applications > "${orphan.label}" (ID ${orphan.id}) > Deactivate, or POST ${orgUrl}/api/v1/apps/${orphan.id}/lifecycle/deactivate.`,
    `Delete it once deactivated: the same app's Delete, or DELETE ${orgUrl}/api/v1/apps/${orphan.id}.`,
    `Run \`npm run orphans\` again: it must find nothing. Never remove the app the state holds${orphan.duplicateOf ? ` (${orphan.duplicateOf})` : ''}, and never delete an orphan through Terraform (it is not in any state).`,
  ];
}

function describe(orphan: Orphan): string {
  return (
    `"${orphan.label}" ${orphan.id} (${orphan.status}, created ${orphan.created}${orphan.clientId ? `, client_id ${orphan.clientId}` : ''})` +
    `: labelled like ${orphan.keys.join(', ')}${orphan.duplicateOf ? `, a duplicate of ${orphan.duplicateOf} which the state holds` : ', and no app with that label is in any state'}` +
    `${orphan.profileMarked ? '; its profile carries groupallowlist keys' : ''}`
  );
}

/** Plain-text report for the terminal; GitHub annotations (`::error`) when `annotate` is set. */
export function textReport(environment: string, orphans: readonly Orphan[], orgUrl: string, annotate: boolean): string[] {
  if (orphans.length === 0) return [`No orphaned Okta apps in ${environment}: every app labelled like an allow-list file is in a state.`];
  const lines = [
    `ORPHANED OKTA APPS in ${environment}: ${orphans.length} app(s) carry the label of an app this repository manages, but no Terraform state holds them.`,
    'Neither plan nor apply reports them. They are usually duplicates created when Okta answered an error after creating an app',
    "and the provider's retry created it again, or when an apply was killed mid-create.",
  ];
  for (const orphan of orphans) {
    if (annotate) lines.push(`::error title=Orphaned Okta app in ${environment}::${describe(orphan)}`);
    lines.push('', `- ${describe(orphan)}`, ...removalSteps(orphan, orgUrl).map((step, i) => `    ${i + 1}. ${step}`));
  }
  return lines;
}

/** Markdown for the job summary. */
export function markdownReport(environment: string, orphans: readonly Orphan[], orgUrl: string): string {
  if (orphans.length === 0)
    return `### Orphaned Okta apps in ${environment}\n\nNone: every app labelled like an allow-list file is in a state.\n`;
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = orphans.map(
    (o) =>
      `| ${cell(o.label)} | \`${o.id}\` | ${o.status} | ${o.created} | ${o.keys.map((k) => `\`${k}\``).join(', ')} | ${o.duplicateOf ? `\`${o.duplicateOf}\`` : '—'} |`,
  );
  const steps = removalSteps(orphans[0], orgUrl).map((step, i) => `${i + 1}. ${step}`);
  return [
    `### :rotating_light: ${orphans.length} orphaned Okta app(s) in ${environment}`,
    '',
    'These apps carry the label of an app this repository manages, but no Terraform state holds them; plan and apply never report them.',
    '',
    '| label | ID | status | created | allow-list file | the app the state holds |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Remove each by hand, never automatically (steps shown for \`${orphans[0].id}\`; repeat per app):`,
    '',
    ...steps,
    '',
  ].join('\n');
}
