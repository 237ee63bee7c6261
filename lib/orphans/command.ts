import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { parseSourceArgs } from '../cli/args';
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

export interface CommandResult {
  readonly stdout: string[];
  readonly stderr: string[];
  /** 0 no orphans, 1 orphans (or invalid input), 2 usage or internal error. */
  readonly exitCode: number;
}

export const DEFAULT_STACKS_DIR = 'cdktf.out/stacks';

/** Runs `terraform` as a child process, never blocking the event loop. */
export const runTerraform: TerraformRunner = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn('terraform', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });

/**
 * `npm run orphans -- --env <env> [--stacks-dir <folder>] [--json] [--summary <file>]`: lists
 * the org's apps and reports every app labelled like one of the environment's allow-list
 * files whose ID no shard stack's state holds. Exit 1 when there is any.
 */
export async function orphansCommand(argv: readonly string[], deps: OrphansDependencies): Promise<CommandResult> {
  try {
    const sources = parseSourceArgs(argv, { env: { type: 'string' }, 'stacks-dir': { type: 'string' }, json: { type: 'boolean' }, summary: { type: 'string' } });
    const environment = sources.values.env as string | undefined;
    if (!environment) throw new Error('usage: npm run orphans -- --env <environment> [--stacks-dir cdktf.out/stacks] [--json] [--summary <file>]');
    const stacksDir = (sources.values['stacks-dir'] as string | undefined) ?? DEFAULT_STACKS_DIR;
    const { project, problems } = loadProject(sources);
    if (!project) throw new InvalidInputError(problems);
    const managed = managedApps(project, environment);
    const settings = project.environments.environments[environment];
    const orgUrl = `https://${settings.orgName}.${settings.baseUrl}`;

    const stacks = await stateAppIds(stacksDir, environment, deps.terraform ?? runTerraform);
    const connection: OktaConnection = { ...connectionFromEnvironment(settings.orgName, settings.baseUrl, deps.env), fetch: deps.fetch, sleep: deps.sleep };
    const apps = await listOktaApps(connection);
    const orphans = findOrphans(apps, managed, new Set(stacks.flatMap((stack) => stack.ids)));

    const summaryFile = sources.values.summary as string | undefined;
    if (summaryFile) appendFileSync(summaryFile, `${markdownReport(environment, orphans, orgUrl)}\n`);
    const stdout = sources.values.json
      ? [JSON.stringify({ environment, stacks, appsListed: apps.length, orphans }, null, 2)]
      : [`${environment}: ${apps.length} app(s) on ${orgUrl}, ${stacks.reduce((n, s) => n + s.ids.length, 0)} in the state of ${stacks.length} shard stack(s).`];
    const stderr = orphans.length > 0 || !sources.values.json ? textReport(environment, orphans, orgUrl, deps.env.GITHUB_ACTIONS === 'true') : [];
    return orphans.length > 0 ? { stdout, stderr, exitCode: 1 } : { stdout: [...stdout, ...(sources.values.json ? [] : stderr)], stderr: [], exitCode: 0 };
  } catch (error) {
    if (error instanceof InvalidInputError) return { stdout: [], stderr: [error.message], exitCode: 1 };
    return { stdout: [], stderr: [`error: ${(error as Error).message}`], exitCode: 2 };
  }
}
