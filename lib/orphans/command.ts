import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { projectSources, SOURCE_OPTIONS } from '../cli/args';
import { defineCommand, parseCommandLine } from '../cli/command-line';
import { CommandResult, failureResult } from '../cli/run';
import { loadProject } from '../load/load-project';
import { InvalidInputError } from '../load/problem';
import { findOrphans } from './find-orphans';
import { managedApps } from './managed-apps';
import { connectionFromEnvironment, OktaConnection } from '../okta-api/client';
import { listOktaApps } from './okta-apps';
import { markdownReport, textReport } from './report';
import { stateAppIds, TerraformRunner } from './state-app-ids';

/** What the command needs from the outside world; tests replace them. */
export interface OrphansDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly terraform?: TerraformRunner;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_STACKS_DIR = 'cdktf.out/stacks';

/** `npm run orphans`'s command line; --help prints it. */
export const ORPHANS = defineCommand({
  usage: 'npm run orphans -- --env <environment> [options]',
  summary:
    "Lists the org's apps and reports every app labelled like one of the environment's allow-list files whose ID no shard stack's state holds (docs/pipeline.md); exit 1 when there is any. Needs OKTA_API_TOKEN and every shard stack initialised.",
  options: {
    env: { type: 'string', value: 'environment', description: 'the org to check', required: true },
    'stacks-dir': {
      type: 'string',
      value: 'folder',
      description: 'the synthesized stacks, initialised with their backends',
      default: DEFAULT_STACKS_DIR,
    },
    json: { type: 'boolean', description: 'print JSON' },
    summary: { type: 'string', value: 'file', description: 'append a Markdown report (e.g. $GITHUB_STEP_SUMMARY)' },
    ...SOURCE_OPTIONS,
  },
  example: 'npm run orphans -- --env prod --summary "$GITHUB_STEP_SUMMARY"',
});

/** Runs `terraform` as a child process, never blocking the event loop. */
export const runTerraform: TerraformRunner = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });

/**
 * `npm run orphans -- --env <env> [--stacks-dir <folder>] [--json] [--summary <file>]`: lists
 * the org's apps and reports every app labelled like one of the environment's allow-list
 * files whose ID no shard stack's state holds. Exit 1 when there is any.
 */
export async function orphansCommand(argv: readonly string[], deps: OrphansDependencies): Promise<CommandResult> {
  try {
    const { values } = parseCommandLine(ORPHANS, argv);
    const sources = projectSources(values);
    const environment = values.env;
    const stacksDir = values['stacks-dir'];
    const { project, problems } = loadProject(sources);
    if (!project) throw new InvalidInputError(problems);
    const managed = managedApps(project, environment);
    const { settings } = project.plans.find((p) => p.name === environment)!;
    const orgUrl = `https://${settings.orgName}.${settings.baseUrl}`;

    const stacks = await stateAppIds(stacksDir, environment, deps.terraform ?? runTerraform);
    const connection: OktaConnection = {
      ...connectionFromEnvironment(settings.orgName, settings.baseUrl, deps.env),
      fetch: deps.fetch,
      sleep: deps.sleep,
    };
    const apps = await listOktaApps(connection);
    const orphans = findOrphans(apps, managed, new Set(stacks.flatMap((stack) => stack.ids)));

    const summaryFile = values.summary;
    if (summaryFile) appendFileSync(summaryFile, `${markdownReport(environment, orphans, orgUrl)}\n`);
    const stdout = values.json
      ? [JSON.stringify({ environment, stacks, appsListed: apps.length, orphans }, null, 2)]
      : [
          `${environment}: ${apps.length} app(s) on ${orgUrl}, ${stacks.reduce((n, s) => n + s.ids.length, 0)} in the state of ${stacks.length} shard stack(s).`,
        ];
    const stderr = orphans.length > 0 || !values.json ? textReport(environment, orphans, orgUrl, deps.env.GITHUB_ACTIONS === 'true') : [];
    return orphans.length > 0
      ? { stdout, stderr, exitCode: 1 }
      : { stdout: [...stdout, ...(values.json ? [] : stderr)], stderr: [], exitCode: 0 };
  } catch (error) {
    return failureResult(error, ORPHANS);
  }
}
