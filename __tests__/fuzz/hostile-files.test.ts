import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { synthesize } from '../../lib/cli/synth';
import { loadProject } from '../../lib/load/load-project';
import { InvalidInputError } from '../../lib/load/problem';
import { allowlist, writeProject } from '../helpers/fixture';

/**
 * Fuzz test: allow-list and environments files generated from the schema's shape, with hostile
 * strings mixed in (template sequences, quotes, control and invisible characters, lone surrogates,
 * Object.prototype names, separators that construct ids used to join on, huge numbers, BOMs).
 * For each project, the way `npm run validate` and `npm run synth` run it:
 * - validate never crashes (exit 0 or 1, never 2): loadProject returns problems instead of throwing;
 * - synth agrees with validate: what validate accepts synthesizes without an error, and what it
 *   refuses leaves the output folder byte-identical;
 * - accepted output passes `terraform validate` with the real okta provider, when the e2e
 *   toolchain is present (TF_CLI_CONFIG_FILE points at a CLI config with the provider mirror).
 *
 * FUZZ_RUNS sets the number of projects (default 60, a few seconds in `npm test`); FUZZ_SEED the
 * seed (fixed by default, so a failure is reproducible); FUZZ_TF_RUNS how many accepted projects
 * go through `terraform validate` (default 5).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const TF_RUNS = Number(process.env.FUZZ_TF_RUNS ?? 5);
const TERRAFORM = process.env.TF_CLI_CONFIG_FILE && existsSync(process.env.TF_CLI_CONFIG_FILE) ? whichTerraform() : undefined;

function whichTerraform(): string | undefined {
  const found = spawnSync('terraform', ['version'], { encoding: 'utf8' });
  return found.status === 0 ? 'terraform' : undefined;
}

const HOSTILE = [
  '${file("/etc/hostname")}',
  '%{if true}x%{endif}',
  '$${x}',
  'a"b',
  'a\\b',
  'tab\there',
  'nul\u0000',
  'lone \ud800',
  'rtl \u202e',
  'zero\u200bwidth',
  'line\u2028sep',
  'next\u0085line',
  '\ufeffbom',
  '__proto__',
  'constructor',
  'toString',
  '::error::x',
  'esc\u001b[31m',
  'default-id',
  'id-x_groups',
  'org',
  ' ',
  '',
  '*a*a*a*b',
  'Payroll Ad',
  'Équipe 営業 👩‍💻',
  'x'.repeat(300),
];

const hostile = fc.constantFrom(...HOSTILE);

/**
 * The generators, for one level of hostility: 0 gives projects that mostly pass (so the accepted
 * side is exercised and synthesized), higher weights put more hostile strings into more fields.
 */
function generators(hostility: number) {
  /** A plausible value most of the time, a hostile one sometimes. */
  const or = <T>(plausible: fc.Arbitrary<T>, weight = 20): fc.Arbitrary<T | string> =>
    hostility === 0 ? plausible : fc.oneof({ arbitrary: plausible, weight }, { arbitrary: hostile, weight: hostility });
  const maybe = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(value, { nil: undefined, freq: 2 });

  const groupName = or(
    fc.constantFrom(
      'Payroll Users',
      'Payroll Admins',
      'IT-Ops',
      '00g1a2b3c4d5e6f7g8h9',
      'Expense Approvers',
      'Sales "EMEA"',
      'Équipe 営業 👩‍💻',
      'a ${b} %{c}',
    ),
  );
  const environmentName = or(fc.constantFrom('dev', 'prod'));

  const orgClaim = fc.record(
    { server: fc.constant('org'), name: maybe(or(fc.constantFrom('groups', 'roles'))), limit: maybe(fc.constantFrom(4, 100)) },
    { requiredKeys: ['server'] },
  );
  const customClaim = fc.record(
    {
      server: or(fc.constantFrom('default', 'default-id')),
      name: maybe(or(fc.constantFrom('groups', 'x_groups', 'id-x_groups', 'app.groups:v1'))),
      token: maybe(fc.constantFrom('id', 'access')),
      scopes: maybe(fc.constant(['groups'])),
      alwaysIncludeInToken: maybe(fc.boolean()),
      limit: maybe(hostility === 0 ? fc.constant(100) : fc.oneof(fc.constant(100), fc.constant(0), fc.constant(1e300), fc.double())),
    },
    { requiredKeys: ['server'] },
  );

  const allowlistPart = fc.oneof(
    fc.record({ groups: fc.uniqueArray(groupName, { minLength: 1, maxLength: 4 }) }),
    fc.record({ startsWith: or(fc.constantFrom('IT-', 'Payroll ', 'Sales')) }),
    fc.record({ endsWith: or(fc.constantFrom(' Users', ' Readers')), source: maybe(or(fc.constantFrom('OKTA', 'active_directory'))) }),
    fc.record({ contains: or(fc.constantFrom('Support', 'Équipe')) }),
  );

  const allowlistFile = fc.record(
    {
      owners: fc.uniqueArray(or(fc.constantFrom('@acme/payroll', '@acme/it-operations', '@alice')), { minLength: 1, maxLength: 2 }),
      environments: maybe(fc.uniqueArray(environmentName, { minLength: 1, maxLength: 2 })),
      app: fc.record(
        {
          label: or(fc.constantFrom('Payroll Portal', 'IT Tools ${x}', 'Équipe "Finance"')),
          type: fc.constantFrom('web', 'native', 'browser'),
          redirectUris: fc.constant(['https://app.example.com/callback']),
          grantTypes: fc.constant(['authorization_code']),
          importIds: maybe(
            fc.dictionary(fc.constant('prod'), fc.constantFrom('0oa1b2c3d4e5f6g7h8i9', '0oa9z8y7x6w5v4u3t2s1'), { maxKeys: 1 }),
          ),
        },
        { requiredKeys: ['label', 'type', 'redirectUris', 'grantTypes'] },
      ),
      allowlist: allowlistPart,
      claims: fc.oneof(fc.tuple(orgClaim), fc.tuple(customClaim), fc.tuple(orgClaim, customClaim)),
      suppressions: maybe(
        fc.constant([{ rule: 'OKTA-G2', reason: hostility === 0 ? 'Agreed with the platform team in SEC-1' : 'a          b' }]),
      ),
      extra: hostility === 0 ? fc.constant(undefined) : maybe(fc.dictionary(hostile, fc.constant(1), { maxKeys: 2 })),
    },
    { requiredKeys: ['owners', 'app', 'allowlist', 'claims'] },
  );

  const server = fc.oneof(
    fc.record(
      { id: or(fc.constantFrom('default', 'aus1a2b3c4d5e6f7g8h9')), manageGroupsScope: maybe(fc.boolean()) },
      { requiredKeys: ['id'] },
    ),
    fc.record({ lookupName: or(fc.constantFrom('Partner API', 'Default ${x}')) }),
    fc.record({ id: fc.constant('default'), removedClaims: fc.constant([{ name: 'old', token: 'id' }]) }),
  );

  const backend = fc.oneof(
    fc.constant({ type: 'local' }),
    fc.record({
      type: fc.constant('local'),
      config: fc.record({ path: or(fc.constantFrom('state/{stack}.tfstate', hostility === 0 ? 'x-{stack}' : 'shared.tfstate')) }),
    }),
    fc.record({
      type: fc.constant('s3'),
      config: fc.record(
        {
          bucket: or(fc.constant('acme-state')),
          key: or(fc.constantFrom('okta/{stack}.tfstate')),
          region: fc.constant('eu-west-1'),
          bukket: hostility === 0 ? fc.constant(undefined) : maybe(fc.constant('x')),
        },
        { requiredKeys: ['bucket', 'key', 'region'] },
      ),
    }),
    fc.record({
      type: fc.constant('cloud'),
      config: fc.record({ organization: or(fc.constant('acme')), workspaces: fc.record({ name: or(fc.constant('okta-{stack}')) }) }),
    }),
  );

  const environment = fc.record(
    {
      orgName: or(fc.constantFrom('acme', 'acme-dev')),
      baseUrl: or(fc.constantFrom('okta.com', 'oktapreview.com')),
      auth: fc.constant({ method: 'api_token' }),
      authorizationServers: fc.record({ default: server, 'default-id': server }),
      rateLimits: maybe(
        fc.record({ minWaitSeconds: maybe(fc.integer({ min: 1, max: 400 })), maxWaitSeconds: maybe(fc.integer({ min: 300, max: 400 })) }),
      ),
      backend,
    },
    { requiredKeys: ['orgName', 'baseUrl', 'auth', 'authorizationServers', 'backend'] },
  );

  const environmentsFile = fc.record({
    environments:
      hostility === 0
        ? fc.record({ dev: environment, prod: environment })
        : fc.dictionary(or(fc.constantFrom('dev', 'prod', 'constructor', 'e'.repeat(40))), environment, { minKeys: 1, maxKeys: 3 }),
  });

  /** How a file's text is written: pretty JSON, or with a byte-order mark, or with a number JSON tools cannot read. */
  const encoding = hostility === 0 ? fc.constant('pretty') : fc.constantFrom('pretty', 'pretty', 'pretty', 'bom', 'huge-number');
  const fileName =
    hostility === 0
      ? fc.constantFrom('payroll', 'it-tools', 'default-id', 'a')
      : fc.constantFrom('payroll', 'it-tools', 'default-id', 'a', 'B', 'x.JSON');

  return fc.record({
    environments: environmentsFile,
    files: fc.uniqueArray(fc.tuple(fileName, allowlistFile, encoding), { minLength: 1, maxLength: 4, selector: ([name]) => name }),
  });
}

const project = fc.constantFrom(0, 0, 1, 3, 10).chain(generators);

function textOf(value: unknown, how: string): string {
  const { extra, ...rest } = (value ?? {}) as Record<string, unknown>;
  const pretty = `${JSON.stringify({ ...rest, ...(extra as object | undefined) }, null, 2)}\n`;
  if (how === 'bom') return `\ufeff${pretty}`;
  if (how === 'huge-number') return pretty.replace(/"limit": -?[\d.e+-]+/, '"limit": 1e400');
  return pretty;
}

/** Every file under `dir` with its bytes, to prove a refused synth touched nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(path, 'base64');
    }
  };
  walk(dir);
  return files;
}

let terraformChecked = 0;

function terraformValidate(outdir: string): void {
  for (const stack of readdirSync(join(outdir, 'stacks'))) {
    const cwd = join(outdir, 'stacks', stack);
    for (const args of [
      ['init', '-backend=false', '-input=false', '-no-color'],
      ['validate', '-no-color'],
    ]) {
      const result = spawnSync(TERRAFORM!, args, { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
      if (result.status !== 0) throw new Error(`terraform ${args[0]} failed in ${stack}:\n${result.stderr}${result.stdout}`);
    }
  }
}

describe('fuzz: generated allow-list and environments files', () => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const earlier = join(root, 'earlier-synth');
  beforeAll(() => {
    const fixture = writeProject({ 'a.json': allowlist() });
    synthesize(loadProject(fixture).project!, earlier);
    rmSync(fixture.dir, { recursive: true, force: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test(`validate and synth agree, never crash, and leave the output untouched on failure (${RUNS} runs, seed ${SEED})`, () => {
    let run = 0;
    let accepted = 0;
    fc.assert(
      fc.property(project, ({ environments, files }) => {
        const dir = join(root, String(run++));
        const allowlistsDir = join(dir, 'allowlists');
        mkdirSync(allowlistsDir, { recursive: true });
        const environmentsFile = join(dir, 'environments.json');
        writeFileSync(environmentsFile, textOf(environments, 'pretty'));
        for (const [name, content, how] of files)
          writeFileSync(join(allowlistsDir, name.includes('.') ? name : `${name}.json`), textOf(content, how));
        // The output of an earlier synth, which a refused run must leave byte-identical.
        const outdir = join(dir, 'cdktf.out');
        cpSync(earlier, outdir, { recursive: true });
        const before = snapshot(outdir);

        // validate and synth: both load first; a throw here is exit 2 (a crash).
        const { project: loaded, problems } = loadProject({ allowlistsDir, environmentsFile });
        if (!loaded) {
          expect(problems.length).toBeGreaterThan(0);
          expect(new InvalidInputError(problems).message).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u001b]/); // eslint-disable-line no-control-regex
          expect(snapshot(outdir)).toEqual(before);
          return;
        }
        accepted++;
        synthesize(loaded, outdir);
        if (TERRAFORM && terraformChecked < TF_RUNS) {
          terraformChecked++;
          terraformValidate(outdir);
        }
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // The generator must reach both sides, or the agreement would be vacuous.
    console.info(`fuzz: ${accepted} of ${RUNS} projects accepted and synthesized`);
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(RUNS);
    if (!TERRAFORM)
      console.info('fuzz: terraform validate skipped (no TF_CLI_CONFIG_FILE with the okta provider mirror, or no terraform on PATH)');
  });
});
