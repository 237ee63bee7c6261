import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectSources, SOURCE_OPTIONS } from '../cli/args';
import { defineCommand, parseCommandLine, UsageError } from '../cli/command-line';
import { CommandResult, failureResult } from '../cli/run';
import { DEFAULT_ALLOWLISTS_DIR, loadProject } from '../load/load-project';
import { InvalidInputError, printable } from '../load/problem';
import { AllowlistFileData, OWNER_PATTERN } from '../model/allowlist-file';
import { claimIdText } from '../model/claim-id';
import { AuthorizationServerModel } from '../model/environment';
import { own } from '../model/own';
import { connectionFromEnvironment, OktaConnection } from '../okta-api/client';
import { PROFILE_KEYS } from '../okta/expressions';
import { managedApps } from '../orphans/managed-apps';
import { checkOrg } from './check';
import { fileKeyFor } from './file-key';
import { AdoptionContext, mapApp } from './map-app';
import { AuthServer, OidcApp } from './okta-objects';
import { readApps, readGroups, readOrgClaims, readServers } from './read-org';
import { checkReport } from './report';
import { refusedByProject, writeNewFiles } from './write-files';

/** What the command needs from the outside world; tests replace them. */
export interface AdoptDependencies {
  readonly env: NodeJS.ProcessEnv;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Progress of long reads (stderr in the CLI). */
  readonly progress?: (message: string) => void;
}

/** `npm run adopt`'s command line; --help prints it. */
export const ADOPT = defineCommand({
  usage:
    'npm run adopt -- --env <environment> (--app <label or app ID>... | --all) (--owner <@org/team>... | --owners-file <file>) [options], or -- --env <environment> --check',
  summary:
    "Writes an allow-list file (with importIds) for each selected OIDC app of the environment's org, describing it exactly as Okta holds it; reports what a file cannot express and skips that app; --check lists what no file describes. Needs OKTA_API_TOKEN; exit 1 when apps were skipped or --check found something.",
  options: {
    env: { type: 'string', value: 'environment', description: 'the org to read', required: true },
    app: { type: 'string', value: 'label or app ID', multiple: true, description: 'an app to adopt' },
    all: { type: 'boolean', description: 'adopt every web, native and browser OIDC app' },
    owner: { type: 'string', value: '@org/team', multiple: true, description: 'owner of every adopted app' },
    'owners-file': { type: 'string', value: 'file', description: 'JSON {"<label or app ID>": ["@org/team"]}: owners per app' },
    out: { type: 'string', value: 'folder', description: 'where to write the files', defaultText: 'the --dir folder' },
    'dry-run': { type: 'boolean', description: 'print the files instead of writing them' },
    'force-partial': { type: 'boolean', description: 'also write files for apps the project cannot describe fully' },
    check: { type: 'boolean', description: 'write nothing; list the apps and claims no file describes' },
    ...SOURCE_OPTIONS,
  },
  example: 'npm run adopt -- --env prod --app "Payroll Portal" --owner @acme/payroll --dry-run',
});

/** One app of the run and what became of it. */
interface Outcome {
  readonly app: OidcApp;
  readonly key?: string;
  readonly file?: AllowlistFileData;
  readonly reasons: string[];
}

/**
 * `npm run adopt`: writes an allow-list file for each selected OIDC app of the environment's
 * org that describes it exactly as Okta holds it (with `importIds`), so that its first plan
 * imports it and changes nothing; reports per app what a file cannot express and skips it
 * (unless --force-partial). `--check` lists the org's apps and claims that no file describes.
 */
export async function adoptCommand(argv: readonly string[], deps: AdoptDependencies): Promise<CommandResult> {
  try {
    const { values } = parseCommandLine(ADOPT, argv);
    const sources = projectSources(values);
    const environment = values.env;
    const wanted = values.app ?? [];
    if (!values.check && !values.all && wanted.length === 0)
      throw new UsageError('give --app <label or app ID> (repeatable), --all or --check');
    const { project, problems } = loadProject(sources);
    if (!project) throw new InvalidInputError(problems);
    const managed = managedApps(project, environment);
    const plan = project.plans.find((p) => p.name === environment)!;
    const { settings } = plan;
    const askedClaims = new Set(plan.sharedClaims.map(claimIdText));
    const orgUrl = `https://${settings.orgName}.${settings.baseUrl}`;
    const connection: OktaConnection = {
      ...connectionFromEnvironment(settings.orgName, settings.baseUrl, deps.env, 'adopt reads apps, claims and groups'),
      fetch: deps.fetch,
      sleep: deps.sleep,
      maxApiCapacity: settings.rateLimits.maxApiCapacity,
    };
    const progress = deps.progress ?? (() => {});

    const owners = values.check ? undefined : ownersFrom(values);
    const apps = await readApps(connection, progress);
    const servers = declaredServers(await readServers(connection), settings.servers);
    const missing = [...settings.servers.keys()].filter((name) => !servers.some((s) => s.declaredAs === name));
    const notes = missing.map((name) => `note: authorization server "${name}" of the environments file was not found in the org`);

    if (values.check) {
      const report = checkOrg(apps, servers, managed, askedClaims);
      const lines = [...checkReport(environment, orgUrl, apps.length, report), ...notes];
      return { stdout: lines, stderr: [], exitCode: report.unmanagedApps.length + report.unaskedClaims.length > 0 ? 1 : 0 };
    }

    const selected = select(apps, wanted, values.all === true);
    const alreadyManaged = selected.filter((a) => managed.importIds.has(a.id) || managed.keysByLabel.has(a.label));
    const toAdopt = selected.filter((a) => !alreadyManaged.includes(a));
    const orgClaims = await readOrgClaims(connection, toAdopt, progress);
    const groupIds = toAdopt.flatMap((a) =>
      Array.isArray(a.profile?.[PROFILE_KEYS.groups])
        ? (a.profile[PROFILE_KEYS.groups] as unknown[]).filter((g): g is string => typeof g === 'string')
        : [],
    );
    const context: AdoptionContext = {
      environment,
      servers,
      groups: await readGroups(connection, groupIds),
      apps,
      managedClaims: askedClaims,
    };

    const allowlistsDir = sources.allowlistsDir ?? DEFAULT_ALLOWLISTS_DIR;
    const outDir = values.out ?? allowlistsDir;
    const forcePartial = values['force-partial'] === true;
    const taken = new Set<string>();
    const outcomes: Outcome[] = toAdopt.map((app) => {
      const adoption = mapApp(app, orgClaims.get(app.id), context);
      const reasons = [...adoption.reasons];
      const appOwners = ownerOf(app, owners!);
      if (appOwners.length === 0)
        reasons.push('no owner: Okta does not know who owns an app; pass --owner or list the app in --owners-file');
      const key = fileKeyFor(app.label, taken);
      taken.add(key);
      if (existsSync(join(outDir, `${key}.json`)))
        reasons.push(`${join(outDir, `${key}.json`)} exists already and is never overwritten: move it, or adopt into another --out folder`);
      const writable =
        adoption.file &&
        appOwners.length > 0 &&
        !existsSync(join(outDir, `${key}.json`)) &&
        (adoption.reasons.length === 0 || forcePartial);
      return {
        app,
        key,
        file: writable
          ? ({ $schema: adoption.file!.$schema, owners: appOwners, ...withoutSchema(adoption.file!) } as AllowlistFileData)
          : undefined,
        reasons,
      };
    });
    // Only files the project itself accepts, next to the files already there, are written.
    const refusals = refusedByProject(
      outcomes.flatMap((o) => (o.file ? [{ key: o.key!, file: o.file }] : [])),
      { allowlistsDir, environmentsFile: sources.environmentsFile, policyFile: sources.policyFile },
    );
    const final = outcomes.map((o) =>
      o.key && refusals.has(o.key)
        ? {
            ...o,
            file: undefined,
            reasons: [...o.reasons, ...refusals.get(o.key)!.map((m) => `the project refuses the generated file: ${m}`)],
          }
        : o,
    );
    const written = values['dry-run']
      ? []
      : writeNewFiles(
          outDir,
          final.flatMap((o) => (o.file ? [{ key: o.key!, file: o.file }] : [])),
        );

    const stdout = [
      `adopt ${environment}: ${apps.length} OIDC app(s) on ${orgUrl}; ${selected.length} selected, ${alreadyManaged.length} already managed by a file.`,
      ...notes,
    ];
    for (const o of final) {
      const name = `"${printable(o.app.label)}" (${o.app.id})`;
      if (o.file) {
        stdout.push(
          `${values['dry-run'] ? 'would write' : 'wrote'} ${join(outDir, `${o.key}.json`)} for ${name}${o.reasons.length > 0 ? ' (partial, --force-partial):' : ''}`,
        );
        if (values['dry-run']) stdout.push(JSON.stringify(o.file, null, 2));
      } else stdout.push(`SKIPPED ${name}:`);
      for (const reason of o.reasons) stdout.push(`  - ${printable(reason)}`);
    }
    for (const app of alreadyManaged) stdout.push(`already managed: "${printable(app.label)}" (${app.id})`);
    if (written.length === 0 && !values['dry-run']) stdout.push('No file written.');
    return { stdout, stderr: [], exitCode: final.some((o) => !o.file) ? 1 : 0 };
  } catch (error) {
    return failureResult(error, ADOPT);
  }
}

function withoutSchema(file: Omit<AllowlistFileData, 'owners'>): Omit<AllowlistFileData, 'owners' | '$schema'> {
  const { $schema: _schema, ...rest } = file;
  return rest;
}

/** `--owner` for every app, and `--owners-file` (`{"<label or app ID>": ["@org/team"]}`) per app; each owner checked like the files' owners. */
interface Owners {
  readonly all: readonly string[];
  readonly byApp: Readonly<Record<string, string[]>>;
}

function ownersFrom(values: { readonly owner?: string[]; readonly 'owners-file'?: string }): Owners {
  const all = values.owner ?? [];
  const file = values['owners-file'];
  const byApp = file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {};
  const bad = [...all, ...Object.values(byApp).flat()].filter((o) => typeof o !== 'string' || !new RegExp(OWNER_PATTERN).test(o));
  if (bad.length > 0)
    throw new Error(
      `owners must be GitHub users or teams such as "@acme/payroll", but got ${bad.map((o) => JSON.stringify(o)).join(', ')}`,
    );
  if (all.length === 0 && !file)
    throw new UsageError('Okta does not know who owns an app: pass --owner or --owners-file (no file is written without owners)');
  return { all, byApp };
}

function ownerOf(app: OidcApp, owners: Owners): string[] {
  return [...(own(owners.byApp, app.id) ?? own(owners.byApp, app.label) ?? owners.all)];
}

/** `--all`, or each `--app` by ID or exact label; one that matches no app is a usage error naming it. */
function select(apps: readonly OidcApp[], wanted: readonly string[], all: boolean): OidcApp[] {
  if (all) return [...apps];
  const unknown = wanted.filter((w) => !apps.some((a) => a.id === w || a.label === w));
  if (unknown.length > 0)
    throw new Error(
      `no web, native or browser OIDC app with the ID or label ${unknown.map((w) => JSON.stringify(w)).join(', ')} in this org`,
    );
  return apps.filter((a) => wanted.includes(a.id) || wanted.includes(a.label));
}

/** The org's servers, each with the name the environments file declares it under (by ID or by lookupName). */
function declaredServers(
  servers: readonly AuthServer[],
  declared: ReadonlyMap<string, AuthorizationServerModel>,
): Array<{ server: AuthServer; declaredAs?: string }> {
  return servers.map((server) => ({
    server,
    declaredAs: [...declared.values()].find(({ reference }) =>
      reference.by === 'id' ? reference.id === server.id : reference.lookupName === server.name,
    )?.name,
  }));
}
