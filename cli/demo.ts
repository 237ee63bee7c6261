/**
 * `npm run demo`: the project's main job end to end, with no Okta org. Builds or reuses the
 * toolchain (Terraform and the okta provider 4.20.0), starts an emulated Okta org per sample
 * environment, plans and applies every stack of the sample allow lists through the pipeline's
 * own scripts, prints what Okta now holds and what a sample user's tokens carry, then edits one
 * file and shows the pull-request comment that change would get. Nothing outside a temp folder
 * is touched, and the emulated orgs stop at the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningEmulator } from '../emulator';
import { ORG_HOSTS, sampleOrg } from '../e2e/fixtures/sample-org';
import { appsByLabel, profileOf, startOrg } from '../e2e/harness/org';
import { issuedClaims } from '../e2e/harness/tokens';
import { toolchain } from '../e2e/harness/toolchain';
import { planAndApply, Workspace } from '../e2e/harness/workspace';
import { allowlistChanges } from '../lib/pipeline/allowlist-changes';
import { blockedChanges } from '../lib/pipeline/blocked-changes';
import { commentMarker, renderPlanComment } from '../lib/pipeline/comment';
import { allowlistsInFolder } from '../lib/pipeline/git-allowlists';
import { parsePlanJson, summarizePlan } from '../lib/pipeline/plan-json';
import { defineCommand } from '../lib/cli/command-line';
import { runCommand } from '../lib/cli/run';

const ENVIRONMENTS = ['dev', 'prod'] as const;
/** The sample user: exact group names in the emulated orgs. */
const ALICE = ['Payroll Admins', 'Payroll Users', 'IT-Helpdesk', 'HR Business Partners', 'Partner Managers', 'Équipe Finance'];

const say = (line = ''): void => console.log(line);

const DEMO = defineCommand({
  usage: 'npm run demo',
  summary:
    "Runs the project's main job end to end with no Okta org: real Terraform and okta provider 4.20.0 against an emulated org per sample environment, then a pull request's comment. Touches nothing outside a temp folder.",
  options: {},
  example: 'npm run demo',
});

async function main(): Promise<void> {
  say('Okta Groups claims demo: the sample allow lists, real Terraform and okta provider 4.20.0, an emulated Okta org per environment.');
  say('\n[1/5] Toolchain');
  const tools = toolchain();
  say(
    `  terraform from ${tools.path.split(':')[0]}; okta provider ${tools.cliConfigFile ? `from the local mirror (${tools.cliConfigFile})` : 'from the registry'}`,
  );

  const orgs: Partial<Record<(typeof ENVIRONMENTS)[number], RunningEmulator>> = {};
  let workspace: Workspace | undefined;
  try {
    say('\n[2/5] Emulated orgs');
    for (const environment of ENVIRONMENTS) {
      orgs[environment] = await startOrg(ORG_HOSTS[environment], { seed: sampleOrg(environment) });
      say(
        `  ${environment}: https://${ORG_HOSTS[environment]} (${orgs[environment]!.state.groups().length} groups) reached through ${orgs[environment]!.url} as an HTTPS proxy`,
      );
    }
    workspace = Workspace.fromSamples(Object.fromEntries(ENVIRONMENTS.map((e) => [e, orgs[e]!.env('https-proxy')])), { withPolicy: true });
    workspace.synth();

    say('\n[3/5] Plan and apply every stack (scripts/ci/terraform-plan.sh, then terraform apply of the saved plan)');
    for (const environment of ENVIRONMENTS) {
      for (const stack of workspace.stacks(environment)) {
        const plan = summarizePlan(parsePlanJson(JSON.stringify((await planAndApply(workspace, stack)).plan), stack)).counts;
        say(`  ${stack}: ${plan.import} imported, ${plan.add} created, ${plan.change} changed, ${plan.destroy} destroyed`);
      }
    }

    say('\n[4/5] What Okta now holds, and the groups claims of a sample user');
    say(`  sample user alice is in: ${ALICE.join(', ')}`);
    for (const environment of ENVIRONMENTS) describeOrg(environment, orgs[environment]!);

    say('\n[5/5] A pull request: payroll.json adds "Payroll Auditors"; the comment it gets for dev');
    const before = allowlistsInFolder(workspace.allowlistsDir);
    workspace.edit('payroll', (file) => (file.allowlist as { groups: string[] }).groups.push('Payroll Auditors'));
    workspace.synth();
    const plan = await workspace.plan('dev--payroll');
    const planDir = join(workspace.root, 'plans', 'dev--payroll');
    const json = parsePlanJson(readFileSync(join(planDir, 'plan.json'), 'utf8'), 'plan.json');
    say(
      renderPlanComment({
        environment: 'dev',
        marker: commentMarker('plan', 'dev'),
        changes: allowlistChanges(before, allowlistsInFolder(workspace.allowlistsDir), 'dev'),
        stacks: [
          {
            stack: 'dev--payroll',
            reason: 'payroll changed',
            plan: summarizePlan(json),
            blocked: blockedChanges(json),
            planText: readFileSync(join(planDir, 'plan.txt'), 'utf8'),
          },
        ],
      })
        .split('\n')
        .map((line) => `  | ${line}`)
        .join('\n'),
    );
    if (plan.code !== 2)
      throw new Error(`expected the edited file to plan a change (exit 2), but terraform plan exited ${plan.code}:\n${plan.stderr}`);
    say(
      '\nDone: the emulated orgs stop and the temp folder is removed. The same steps run against a real org: see "End to end" in the README.',
    );
  } finally {
    for (const org of Object.values(orgs)) await org.stop();
    workspace?.dispose();
  }
}

function describeOrg(environment: string, org: RunningEmulator): void {
  say(`  ${environment}:`);
  const groupNames = new Map(org.state.groups().map((g) => [g.id as string, (g.profile as { name: string }).name]));
  for (const [label, app] of [...appsByLabel(org)].sort(([a], [b]) => a.localeCompare(b))) {
    const list = profileOf(app).groupallowlist as string[] | undefined;
    say(`    app "${label}" (${app.id as string})${list ? `: allow list ${list.map((id) => groupNames.get(id) ?? id).join(', ')}` : ''}`);
    for (const claim of issuedClaims(org, app.id as string, ALICE)) {
      const where = claim.server === 'org' ? 'org server' : `server "${claim.server}"`;
      const when = claim.scopes.length ? ` (when the client asks for scope ${claim.scopes.join(' or ')})` : '';
      say(
        `      ${claim.token === 'id' ? 'ID' : 'access'} token from ${where}, claim "${claim.name}"${when}: ${claim.groups ? claim.groups.join(', ') : `NO TOKEN: ${claim.error}`}`,
      );
    }
  }
  for (const server of org.state.servers()) {
    const claims = org.state.claims(server.id as string).filter((c) => c.valueType === 'EXPRESSION');
    if (claims.length)
      say(
        `    server "${server.name as string}": ${claims.map((c) => `${c.name as string} (${c.claimType === 'RESOURCE' ? 'access' : 'ID'} token)`).join(', ')}`,
      );
  }
}

void runCommand(DEMO, async () => {
  await main();
  return [];
});
