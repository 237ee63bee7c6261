import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AllowlistFileData, ClaimData } from '../lib/model/allowlist-file';
import { EnvironmentsFileData } from '../lib/model/environments-file';
import { groupPool } from './group-pool';
import { ALPHANUMERIC, SeededRandom } from './random';

export interface SyntheticProjectOptions {
  /** How many allow-list files (apps) to generate. */
  readonly apps: number;
  /** Seed of the pseudo-random choices: the same seed always gives the same files. @default 20240501 */
  readonly seed?: number;
  /** Groups in each static allow list. @default 20 */
  readonly groupsPerApp?: number;
  /** Distinct group names and IDs the static lists draw from. @default 2000 */
  readonly groupPoolSize?: number;
}

/** A generated project, as the data of its files. */
export interface SyntheticProject {
  readonly environments: EnvironmentsFileData;
  /** Allow-list file contents by app key (the file name without ".json"). */
  readonly allowlists: Readonly<Record<string, AllowlistFileData>>;
}

/** Where `writeSyntheticProject` put the files, in the form `loadProject` takes. */
export interface SyntheticProjectPaths {
  readonly allowlistsDir: string;
  readonly environmentsFile: string;
}

export const DEFAULT_SEED = 20240501;

/**
 * A dynamic allow-list family. Apps whose custom-server claims share one claim (server, name,
 * token) must agree on its pattern, source and limit, so each family gets a claim of its own.
 */
interface DynamicFamily {
  readonly match: 'startsWith' | 'endsWith' | 'contains';
  readonly pattern: string;
  readonly source?: string;
  readonly claimName: string;
  readonly limit: number;
}

const DYNAMIC_FAMILIES: readonly DynamicFamily[] = [
  { match: 'startsWith', pattern: 'IT-', claimName: 'it_groups', limit: 50 },
  { match: 'startsWith', pattern: 'Sales ', claimName: 'sales_groups', limit: 40 },
  { match: 'endsWith', pattern: ' Admins', claimName: 'admin_groups', limit: 25 },
  { match: 'contains', pattern: 'Équipe', claimName: 'equipe_groups', limit: 100 },
  { match: 'contains', pattern: 'Support', claimName: 'support_groups', limit: 60 },
  { match: 'startsWith', pattern: 'GG-', source: 'active_directory', claimName: 'ad_groups', limit: 100 },
];

/** Claim sets of static apps, with how often each occurs; `prodOnly` for servers only prod has. */
const STATIC_CLAIM_SETS: readonly (readonly [{ readonly claims: readonly ClaimData[]; readonly prodOnly?: boolean }, number])[] = [
  [{ claims: [{ server: 'org' }] }, 35],
  [{ claims: [{ server: 'org' }, { server: 'default', token: 'access', scopes: ['groups'] }] }, 25],
  [{ claims: [{ server: 'default', token: 'id' }] }, 15],
  [
    {
      claims: [
        { server: 'default', token: 'id' },
        { server: 'default', token: 'access', scopes: ['groups'] },
      ],
    },
    10,
  ],
  [{ claims: [{ server: 'org', value: 'id' }] }, 5],
  [{ claims: [{ server: 'partners', name: 'partner_groups', token: 'access', scopes: ['groups'] }], prodOnly: true }, 10],
];

const STATIC_SHARE = 0.75;
const PROD_ONLY_SHARE = 0.1;
const IMPORTED_SHARE = 0.15;
const RENAMED_SHARE = 0.01;
const TEAMS = Array.from({ length: 30 }, (_, i) => `@acme/team-${String(i).padStart(2, '0')}`);
const LABEL_WORDS = ['Portal', 'Console', 'Dashboard', 'Tracker', 'Portail Équipe', 'Hub', 'Reports'];

/**
 * Synthetic allow lists at the scale of a large Okta org: a realistic mix of static and dynamic
 * lists, org-server and shared custom-server claims, imports and renames. Every file passes
 * `loadProject`; shared custom-server claims never conflict.
 */
export function syntheticProject(options: SyntheticProjectOptions): SyntheticProject {
  return generateProject(options, ENVIRONMENTS, (key, index, random, drawGroups) =>
    random.next() < STATIC_SHARE ? staticApp(key, index, random, drawGroups()) : dynamicApp(key, index, random),
  );
}

/**
 * What every shape shares: the seeded random, the group pool drawn from it first, and one file per
 * app key; `app` makes each file, drawing a static list's groups with `drawGroups`.
 */
function generateProject(
  options: SyntheticProjectOptions,
  environments: EnvironmentsFileData,
  app: (key: string, index: number, random: SeededRandom, drawGroups: () => string[]) => AllowlistFileData,
): SyntheticProject {
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const pool = groupPool(options.groupPoolSize ?? 2000, random);
  const drawGroups = (): string[] => random.sample(pool, options.groupsPerApp ?? 20);
  const allowlists: Record<string, AllowlistFileData> = {};
  for (let index = 0; index < options.apps; index++) {
    const key = `app-${String(index).padStart(5, '0')}`;
    allowlists[key] = app(key, index, random, drawGroups);
  }
  return { environments, allowlists };
}

/** Writes the project as `<dir>/allowlists/<key>.json` and `<dir>/stacks/environments.json`. */
export function writeSyntheticProject(dir: string, project: SyntheticProject): SyntheticProjectPaths {
  const allowlistsDir = join(dir, 'allowlists');
  const environmentsFile = join(dir, 'stacks', 'environments.json');
  mkdirSync(allowlistsDir, { recursive: true });
  mkdirSync(join(dir, 'stacks'), { recursive: true });
  writeFileSync(environmentsFile, `${JSON.stringify(project.environments, null, 2)}\n`);
  for (const [key, data] of Object.entries(project.allowlists)) {
    writeFileSync(join(allowlistsDir, `${key}.json`), `${JSON.stringify(data, null, 2)}\n`);
  }
  return { allowlistsDir, environmentsFile };
}

const ENVIRONMENTS: EnvironmentsFileData = {
  environments: {
    dev: {
      orgName: 'acme-dev',
      baseUrl: 'oktapreview.com',
      auth: { method: 'api_token' },
      authorizationServers: { default: { id: 'default', manageGroupsScope: true } },
      rateLimits: { maxApiCapacity: 50 },
      backend: { type: 'local' },
    },
    prod: {
      orgName: 'acme',
      baseUrl: 'okta.com',
      auth: { method: 'api_token' },
      authorizationServers: {
        default: { id: 'default', manageGroupsScope: true },
        partners: { lookupName: 'Partner API', manageGroupsScope: true },
      },
      rateLimits: { maxApiCapacity: 40, maxRetries: 8 },
      backend: { type: 'local' },
    },
  },
};

function staticApp(key: string, index: number, random: SeededRandom, groups: string[]): AllowlistFileData {
  const { claims, prodOnly } = random.weighted(STATIC_CLAIM_SETS);
  return appFile(key, index, random, { groups }, [...claims], prodOnly === true);
}

function dynamicApp(key: string, index: number, random: SeededRandom): AllowlistFileData {
  const family = random.pick(DYNAMIC_FAMILIES);
  const shared: ClaimData = { server: 'default', name: family.claimName, token: 'access', limit: family.limit };
  const org: ClaimData = { server: 'org', limit: 20 + random.below(81) };
  const claims = random.weighted<ClaimData[]>([
    [[org], 40],
    [[org, shared], 30],
    [[shared], 30],
  ]);
  const source = family.source ? { source: family.source } : {};
  return appFile(key, index, random, { [family.match]: family.pattern, ...source }, claims, false);
}

function appFile(
  key: string,
  index: number,
  random: SeededRandom,
  allowlist: AllowlistFileData['allowlist'],
  claims: ClaimData[],
  prodOnly: boolean,
): AllowlistFileData {
  const type = random.weighted<'web' | 'native' | 'browser'>([
    ['web', 70],
    ['native', 15],
    ['browser', 15],
  ]);
  const host = `${key}.apps.example.com`;
  const number = String(index).padStart(5, '0');
  const inProdOnly = prodOnly || random.next() < PROD_ONLY_SHARE;
  const imported = random.next() < IMPORTED_SHARE;
  const renamed = random.next() < RENAMED_SHARE;
  return {
    owners: [random.pick(TEAMS)],
    ...(inProdOnly ? { environments: ['prod'] } : {}),
    app: {
      label: `${random.pick(LABEL_WORDS)} ${number}`,
      type,
      redirectUris: [type === 'native' ? `com.example.app${number}:/callback` : `https://${host}/callback`],
      ...(type === 'web' ? { postLogoutRedirectUris: [`https://${host}/signed-out`] } : {}),
      grantTypes: type === 'browser' ? ['authorization_code'] : ['authorization_code', 'refresh_token'],
      ...(imported ? { importIds: { prod: `0oa${random.text(ALPHANUMERIC, 12)}${number}` } } : {}),
    },
    allowlist,
    claims,
    ...(renamed ? { previousKeys: [`legacy-${key}`] } : {}),
  };
}

/** Teams of the heavy shape: 50 shards, so 51 stacks per environment. */
const HEAVY_TEAMS = Array.from({ length: 50 }, (_, i) => `@acme/squad-${String(i).padStart(2, '0')}`);
const HEAVY_DYNAMIC_SHARE = 0.1;
const HEAVY_SHARED_CLAIM_SHARE = 1 / 3;

/**
 * The heavier shape of the synthesis-speed issue: every app in both environments, 50 owning
 * teams (51 stacks per environment), 90 % static lists of 20 groups from a pool of 2,000, 10 %
 * dynamic; every app has an org-server ID-token claim and a third of them also share an
 * access-token claim on the custom `default` server (static apps the `groups` claim restricted
 * to the `groups` scope, dynamic apps their pattern family's claim). 15 % are imported in prod.
 */
export function heavySyntheticProject(options: SyntheticProjectOptions): SyntheticProject {
  return generateProject(options, HEAVY_ENVIRONMENTS, (key, index, random, drawGroups) => {
    const shared = random.next() < HEAVY_SHARED_CLAIM_SHARE;
    const dynamic = random.next() < HEAVY_DYNAMIC_SHARE;
    const family = random.pick(DYNAMIC_FAMILIES);
    const allowlist: AllowlistFileData['allowlist'] = dynamic
      ? { [family.match]: family.pattern, ...(family.source ? { source: family.source } : {}) }
      : { groups: drawGroups() };
    const sharedClaim: ClaimData = dynamic
      ? { server: 'default', name: family.claimName, token: 'access', limit: family.limit }
      : { server: 'default', token: 'access', scopes: ['groups'] };
    const claims: ClaimData[] = [dynamic ? { server: 'org', limit: 100 } : { server: 'org' }, ...(shared ? [sharedClaim] : [])];
    const file = appFile(key, index, random, allowlist, claims, false);
    const { environments: _environments, ...everywhere } = file;
    return { ...everywhere, owners: [random.pick(HEAVY_TEAMS)] };
  });
}

/** Both environments manage the `groups` scope on `default`, which the shared static claim asks for. */
const HEAVY_ENVIRONMENTS: EnvironmentsFileData = {
  environments: Object.fromEntries(
    Object.entries(ENVIRONMENTS.environments).map(([name, env]) => [
      name,
      {
        ...env,
        authorizationServers: {
          ...env.authorizationServers,
          default: { ...env.authorizationServers?.default, id: 'default', manageGroupsScope: true },
        },
      },
    ]),
  ),
};
