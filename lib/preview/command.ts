import { projectSources, SOURCE_OPTIONS } from '../cli/args';
import { defineCommand, parseCommandLine } from '../cli/command-line';
import { loadValidProject } from '../cli/load';
import { Project } from '../load/load-project';
import { readRegularFile } from '../load/read-file';
import { closest } from '../load/schema-problems';
import { EnvironmentPlan } from '../plan/environment-plan';
import { membershipOf } from './evaluate';
import { formatAppPreview, formatCarriers, OFFLINE_NOTE } from './format';
import { membershipsOf, parseGroupFile, parseGroupList } from './memberships';
import { AppPreview, carriersOf, ClaimPreview, previewApp } from './token-preview';

/** `npm run preview`'s command line; --help prints it. */
export const PREVIEW = defineCommand({
  usage: 'npm run preview -- (--app <key> | --group "<name or ID>") [options]',
  summary:
    "Shows, from the files in this checkout and without calling Okta, what a user's tokens would contain for an app (--app), or which tokens would carry a group (--group). See docs/preview.md.",
  options: {
    app: { type: 'string', value: 'key', description: "the app (its file name without .json): what a user's tokens contain" },
    group: { type: 'string', value: 'name or ID', description: 'a group: which tokens would carry it' },
    env: { type: 'string', value: 'environment', description: 'only this environment', defaultText: 'every environment' },
    groups: { type: 'string', value: 'a,b', description: "--app: the user's groups, comma-separated" },
    'user-groups-file': { type: 'string', value: 'file', description: "--app: the user's groups, one per line" },
    token: { type: 'string', value: 'id|access', description: 'only this token type', defaultText: 'both' },
    json: { type: 'boolean', description: 'print JSON instead of text' },
    ...SOURCE_OPTIONS,
  },
  example: 'npm run preview -- --app payroll --env prod --groups "Payroll Admins,Finance"',
});

export interface PreviewCommandOptions {
  /** Reads the --user-groups-file. @default the file system: a regular file of at most 1 MiB */
  readonly readText?: (path: string) => string;
}

/**
 * `npm run preview`: what a user's tokens would contain for an app (`--app`), or which tokens
 * would carry a group (`--group`). Returns the lines to print; throws on bad input.
 */
export function runPreview(argv: readonly string[], options: PreviewCommandOptions = {}): string[] {
  const { values: args } = parseCommandLine(PREVIEW, argv);
  const sources = projectSources(args);
  if ((args.app === undefined) === (args.group === undefined)) {
    throw new Error(
      `give exactly one of --app <key> (what a user's tokens contain) or --group "<name or ID>" (which tokens carry it), but got ${args.app === undefined ? 'neither' : 'both'}`,
    );
  }
  if (args.token !== undefined && args.token !== 'id' && args.token !== 'access') {
    throw new Error(`--token must be "id" or "access", but got ${JSON.stringify(args.token)}`);
  }
  const project = loadValidProject(sources);
  const plans = args.env === undefined ? project.plans : [planNamed(project, args.env)];
  const keep = (claim: ClaimPreview): boolean => args.token === undefined || claim.token === args.token;

  if (args.group !== undefined) {
    const { carriers, notes } = carriersOf(plans, membershipOf(args.group.trim()));
    const kept = carriers.filter((c) => keep(c.claim));
    const environments = plans.map((p) => p.name);
    if (args.json)
      return [JSON.stringify({ group: args.group.trim(), environments, carriers: kept, notes: [OFFLINE_NOTE, ...notes] }, null, 2)];
    return formatCarriers(args.group.trim(), environments, kept, notes);
  }

  const readText = options.readText ?? ((path: string) => readRegularFile(path));
  const memberships = membershipsOf([
    ...(args.groups !== undefined ? parseGroupList(args.groups) : []),
    ...(args['user-groups-file'] !== undefined ? parseGroupFile(readGroupFile(readText, args['user-groups-file'])) : []),
  ]);
  const previews: AppPreview[] = appPlans(project, plans, args.app as string, args.env).map((plan) => {
    const preview = previewApp(
      plan,
      plan.apps.find((a) => a.app.key === args.app)!,
      memberships,
    );
    return { ...preview, claims: preview.claims.filter(keep) };
  });
  if (args.json)
    return [
      JSON.stringify(
        previews.map((p) => ({ ...p, notes: [OFFLINE_NOTE, ...p.notes] })),
        null,
        2,
      ),
    ];
  return previews.flatMap((preview, index) => [...(index > 0 ? [''] : []), ...formatAppPreview(preview)]);
}

function planNamed(project: Project, name: string): EnvironmentPlan {
  const plan = project.plans.find((p) => p.name === name);
  if (plan) return plan;
  const names = project.plans.map((p) => p.name);
  throw new Error(`--env must be one of ${names.join(', ')}, but got ${JSON.stringify(name)}${didYouMean(name, names)}`);
}

/** The environments in which the app is managed; an error says where it is when it is not there. */
function appPlans(project: Project, plans: readonly EnvironmentPlan[], key: string, env: string | undefined): EnvironmentPlan[] {
  const app = project.apps.find((a) => a.key === key);
  if (!app) {
    const keys = project.apps.map((a) => a.key);
    throw new Error(
      `--app must be the key (file name without .json) of an allow-list file, one of ${keys.join(', ')}, but got ${JSON.stringify(key)}${didYouMean(key, keys)}`,
    );
  }
  const found = plans.filter((plan) => plan.apps.some((a) => a.app.key === key));
  if (found.length > 0) return found;
  const managedIn = project.plans.filter((plan) => plan.apps.some((a) => a.app.key === key)).map((p) => p.name);
  const where = managedIn.length > 0 ? `it is managed in ${managedIn.join(', ')}` : 'it is managed in no environment';
  throw new Error(
    `app "${key}" is not managed in environment "${env}" (${app.file} lists its environments and retirements): ${where}; pick one of those with --env`,
  );
}

function readGroupFile(readText: (path: string) => string, path: string): string {
  try {
    return readText(path);
  } catch (error) {
    throw new Error(`cannot read --user-groups-file ${JSON.stringify(path)}: ${(error as Error).message}`, { cause: error });
  }
}

function didYouMean(name: string, known: readonly string[]): string {
  const guess = closest(name, known);
  return guess ? ` (did you mean "${guess}"?)` : '';
}
