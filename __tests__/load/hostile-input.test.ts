import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../lib/cli/synth';
import { MAX_DEPTH, MAX_KEYS } from '../../lib/load/json-document';
import { loadProject } from '../../lib/load/load-project';
import { formatProblem } from '../../lib/load/problem';
import { MAX_FILE_BYTES, readRegularFile } from '../../lib/load/read-file';
import { allowlist, environments, problemsOf, projectOf, writeProject } from '../helpers/fixture';

/**
 * Hostile and odd input found by trying the project as a malicious new user would: each case
 * failed (crashed, was silently accepted, or produced invalid Terraform) before its fix.
 */

const A = 'allowlists/a.json';
const app = (changes: Record<string, unknown> = {}) => allowlist(changes);
const appSettings = (changes: Record<string, unknown>) => ({ ...(allowlist().app as object), ...changes });
type Env = Record<string, unknown>;
const envWith = (change: (env: Env) => void): Record<string, unknown> => {
  const envs = environments() as { environments: Record<string, Env> };
  change(envs.environments.prod);
  return envs;
};

/** Every problem of the project, as one text, for `toMatch`. */
const problemText = (files: Record<string, unknown>, envs?: unknown): string => problemsOf(files, envs).join('\n');

/** All stacks synthesized from a valid project, as one JSON text. */
function synthText(files: Record<string, unknown>, envs?: unknown): string {
  const fixture = writeProject(files, envs);
  const { project, problems } = loadProject(fixture);
  if (!project) throw new Error(problems.map(formatProblem).join('\n'));
  const out = join(fixture.dir, 'out');
  synthesize(project, out);
  const stacks = readdir(join(out, 'stacks'));
  return stacks.map((s) => readFileSync(join(out, 'stacks', s, 'cdk.tf.json'), 'utf8')).join('\n');
}

function readdir(path: string): string[] {
  return require('node:fs').readdirSync(path) as string[]; // eslint-disable-line @typescript-eslint/no-require-imports
}

/** Whether Terraform JSON holds `${` or `%{` that Terraform would evaluate, from text that came from a file. */
const UNESCAPED = (needle: string) => new RegExp(`(^|[^$%])[$%]\\{${needle.replace(/[()]/g, '\\$&')}`);

describe('2: two files cannot adopt the same Okta app', () => {
  test('the same importIds in one environment is refused, naming both files', () => {
    const importIds = { prod: '0oa1b2c3d4e5f6g7h8i9' };
    const text = problemText({ 'a.json': app({ app: appSettings({ importIds }) }), 'b.json': app({ app: appSettings({ importIds }) }) });
    expect(text).toMatch(
      /allowlists\/b\.json:\d+:\d+: app\.importIds\.prod must name an Okta app no other file adopts, but .*allowlists\/a\.json also imports "0oa1b2c3d4e5f6g7h8i9" in "prod"/,
    );
  });

  test('the same ID in different environments (different orgs) is fine', () => {
    expect(() =>
      projectOf({
        'a.json': app({ app: appSettings({ importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } }) }),
        'b.json': app({ app: appSettings({ importIds: { dev: '0oa1b2c3d4e5f6g7h8i9' } }) }),
      }),
    ).not.toThrow();
  });
});

describe('3: strings of the environments file never reach Terraform unescaped', () => {
  const hostile = '${file("/etc/hostname")}';
  // One case per string field of the environments file: refused, or escaped in every stack.
  const cases: [string, (env: Env) => void][] = [
    ['orgName', (env) => (env.orgName = hostile)],
    ['baseUrl', (env) => (env.baseUrl = hostile)],
    ['auth.scopes', (env) => (env.auth = { method: 'oauth', scopes: [hostile] })],
    ['authorizationServers key', (env) => (env.authorizationServers = { [hostile]: { id: 'default' } })],
    ['authorizationServers.id', (env) => (env.authorizationServers = { default: { id: hostile } })],
    ['authorizationServers.lookupName', (env) => (env.authorizationServers = { default: { lookupName: hostile } })],
    [
      'authorizationServers.removedClaims.name',
      (env) => (env.authorizationServers = { default: { id: 'default', removedClaims: [{ name: hostile, token: 'id' }] } }),
    ],
    ['backend.type', (env) => (env.backend = { type: hostile })],
    ['backend.config.path (local)', (env) => (env.backend = { type: 'local', config: { path: `${hostile}-{stack}.tfstate` } })],
    [
      'backend.config.key (s3)',
      (env) =>
        (env.backend = { type: 's3', config: { bucket: 'b', region: 'eu-west-1', useLockfile: true, key: `okta/{stack}/${hostile}` } }),
    ],
    [
      'backend.config.bucket (s3)',
      (env) => (env.backend = { type: 's3', config: { bucket: hostile, region: 'eu-west-1', useLockfile: true, key: 'okta/{stack}' } }),
    ],
    [
      'backend.config.workspaces.name (cloud)',
      (env) => (env.backend = { type: 'cloud', config: { organization: 'acme', workspaces: { name: `okta-{stack}${hostile}` } } }),
    ],
    [
      'backend.config.organization (remote)',
      (env) => (env.backend = { type: 'remote', config: { organization: `%{if true}x%{endif}`, workspaces: { name: 'okta-{stack}' } } }),
    ],
    ['environment name', (env) => void env],
  ];

  test.each(cases)('%s', (field, change) => {
    const envs = envWith(change) as { environments: Record<string, unknown> };
    if (field === 'environment name') envs.environments[hostile] = envs.environments.prod;
    const fixture = writeProject({ 'a.json': app({ environments: ['prod'] }) }, envs);
    const { project } = loadProject(fixture);
    if (!project) return; // refused: nothing reaches Terraform
    const text = synthText({ 'a.json': app({ environments: ['prod'] }) }, envs);
    expect(text).not.toMatch(UNESCAPED('file('));
    expect(text).not.toMatch(/(^|[^%])%\{if/);
  });

  test('a server id holding an interpolation is refused by its shape', () => {
    expect(
      problemText(
        { 'a.json': app() },
        envWith((env) => (env.authorizationServers = { default: { id: hostile } })),
      ),
    ).toMatch(
      /authorizationServers\.default\.id must be an authorization server ID such as "default" or "aus…" \(letters and digits\), but got "\$\{file/,
    );
  });

  test('backend settings holding "${" or "%{" are refused, since the state reader would evaluate them', () => {
    const envs = envWith(
      (env) => (env.backend = { type: 's3', config: { bucket: 'b', region: 'eu-west-1', key: 'okta/{stack}/${path.root}' } }),
    );
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      /backend settings must be plain text, but backend\.config\.key of environment "prod" holds "okta\/\{stack\}\/\$\{path\.root\}"/,
    );
  });
});

describe('4: a local backend path names each stack', () => {
  test('a local path without {stack} is refused', () => {
    const envs = envWith((env) => (env.backend = { type: 'local', config: { path: 'state.tfstate' } }));
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      /backend\.config\.path must contain "\{stack\}" so each stack of "prod" has its own state, but got "state\.tfstate"/,
    );
  });

  test('a local path with {stack} is accepted', () => {
    expect(() =>
      projectOf(
        { 'a.json': app() },
        envWith((env) => (env.backend = { type: 'local', config: { path: 'state/{stack}.tfstate' } })),
      ),
    ).not.toThrow();
  });
});

describe('5: names are looked up in own properties only', () => {
  test('"environments": ["constructor"] is an unknown environment, not a crash', () => {
    expect(problemText({ 'a.json': app({ environments: ['constructor'] }) })).toMatch(
      /environment "constructor" is not declared: use one of "dev", "prod"/,
    );
  });

  test.each(['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty'])(
    'claim server %p is not found on Object.prototype',
    (server) => {
      expect(problemText({ 'a.json': app({ claims: [{ server }] }) })).toMatch(
        new RegExp(`server "${server}" is not an authorization server of environment "dev"`),
      );
    },
  );

  test('an environment named "constructor" is neither retired nor imported by accident', () => {
    const envs = environments({ constructor: (environments().environments as Record<string, unknown>).prod });
    const project = projectOf({ 'a.json': app() }, envs);
    const plan = project.plans.find((p) => p.name === 'constructor')!;
    expect(plan.apps.map((a) => [a.app.key, a.importId])).toEqual([['a', undefined]]);
  });
});

describe('6: construct ids are injective', () => {
  test('servers "default-id" and "default" with claims "x_groups" and "id-x_groups" synthesize', () => {
    const envs = envWith(
      (env) =>
        (env.authorizationServers = {
          default: { id: 'default', dedicatedToManagedApps: true },
          'default-id': { id: 'aus1', dedicatedToManagedApps: true },
        }),
    );
    const files = {
      'a.json': app({ environments: ['prod'], claims: [{ server: 'default-id', name: 'x_groups' }] }),
      'b.json': app({ environments: ['prod'], claims: [{ server: 'default', name: 'id-x_groups' }] }),
    };
    const text = synthText(files, envs);
    expect(text).toContain('"default-id_id_x_groups"');
    expect(text).toContain('"default_id_id-x_groups"');
  });
});

describe('7: text must be valid Unicode without invisible characters', () => {
  test('a lone surrogate in a group name is refused with its location', () => {
    const text =
      '{"owners":["@acme/payroll"],"app":{"label":"P","type":"web","redirectUris":["https://a.example.com/cb"],"grantTypes":["authorization_code"]},\n"allowlist":{"groups":["Payroll \\ud800 Users"]},"claims":[{"server":"org"}]}';
    expect(problemsOf({ 'a.json': text })).toEqual([
      `${A}:2:24: allowlist.groups[0] must be valid Unicode text, but holds a lone surrogate (\\ud800) at character 9: retype the text`,
    ]);
  });

  test.each([['\u200b'], ['\u202e'], ['\u2028'], ['\u0085']])('invisible or direction-changing character %j in a name is refused', (c) => {
    const code = c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    expect(problemText({ 'a.json': app({ allowlist: { groups: [`Payroll${c} Users`] } }) })).toMatch(
      new RegExp(
        `allowlist\\.groups\\[0\\] must not hold invisible or direction-changing characters, but holds U\\+${code} at character 8`,
      ),
    );
  });

  test('a key that is not valid Unicode is refused too', () => {
    expect(problemText({ 'a.json': '{"\\udc00": 1}' })).toMatch(/a key in the file must be valid Unicode text/);
  });

  test('text that is not UTF-8 is refused', () => {
    const fixture = writeProject({});
    writeFileSync(join(fixture.allowlistsDir, 'a.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    expect(loadProject(fixture).problems.map((p) => p.message)).toEqual([
      'cannot read the file: it must be UTF-8 text, but it holds bytes that are not: save it as UTF-8',
    ]);
  });
});

describe('8: OKTA-G1 and the policy globs', () => {
  // Rule-level cases are in __tests__/policy/rules/okta-g1-forbidden-groups.test.ts and glob.test.ts.
  test('a catastrophic glob on a 255-character name finishes at once', () => {
    const { globMatches } = require('../../lib/policy/glob') as typeof import('../../lib/policy/glob'); // eslint-disable-line @typescript-eslint/no-require-imports
    const started = Date.now();
    expect(globMatches('*a*a*a*a*a*a*a*a*b', 'a'.repeat(255))).toBe(false);
    expect(Date.now() - started).toBeLessThan(100);
  });
});

describe('9: size and shape limits', () => {
  test(`nesting deeper than ${MAX_DEPTH} levels is refused, not a crash`, () => {
    const text = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    expect(problemsOf({ 'a.json': text })).toEqual([
      `${A}:1:${MAX_DEPTH + 1}: the file must nest objects and lists at most ${MAX_DEPTH} levels deep, but this one is deeper: an allow-list file needs about 5`,
    ]);
  });

  test(`more than ${MAX_KEYS} keys are refused`, () => {
    const keys = Array.from({ length: MAX_KEYS + 5 }, (_, i) => `"k${i}": 1`).join(',\n');
    expect(problemText({ 'a.json': `{${keys}}` })).toMatch(new RegExp(`the file must have at most ${MAX_KEYS} keys, but it has more`));
  });

  test('100,000 unknown keys in one object are reported quickly (linear "did you mean")', () => {
    const fixture = writeProject({});
    const body = JSON.stringify(app()).slice(1, -1);
    const unknown = Array.from({ length: MAX_KEYS - 20 }, (_, i) => `"x${i}": 1`).join(',');
    writeFileSync(join(fixture.allowlistsDir, 'a.json'), `{${body},${unknown}}`);
    const started = Date.now();
    const { problems } = loadProject(fixture);
    expect(problems.length).toBeGreaterThan(MAX_KEYS - 100);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test(`a file larger than ${MAX_FILE_BYTES} bytes is refused before it is read`, () => {
    const fixture = writeProject({});
    writeFileSync(join(fixture.allowlistsDir, 'a.json'), ' '.repeat(MAX_FILE_BYTES + 1));
    expect(loadProject(fixture).problems.map((p) => p.message)).toEqual([
      `cannot read the file: it must be at most ${MAX_FILE_BYTES} bytes, but it has ${MAX_FILE_BYTES + 1}`,
    ]);
  });
});

describe('10: files in the allow-lists folder', () => {
  test('a file that is not <key>.json is refused instead of silently ignored', () => {
    const fixture = writeProject({ 'a.json': app() });
    writeFileSync(join(fixture.allowlistsDir, 'B.JSON'), JSON.stringify(app()));
    writeFileSync(join(fixture.allowlistsDir, 'notes.txt'), 'x');
    const messages = loadProject(fixture).problems.map((p) => `${p.file.split('/').pop()}: ${p.message}`);
    expect(messages).toEqual([
      `B.JSON: every file in ${fixture.allowlistsDir} must be an allow list named "<key>.json", but got "B.JSON", which would be ignored: rename it to "B.json"`,
      `notes.txt: every file in ${fixture.allowlistsDir} must be an allow list named "<key>.json", but got "notes.txt", which would be ignored: move it out of the folder`,
    ]);
  });

  test('schema.json, README.md and .gitkeep are ignored on purpose', () => {
    const fixture = writeProject({ 'a.json': app() });
    for (const name of ['schema.json', 'README.md', '.gitkeep']) writeFileSync(join(fixture.allowlistsDir, name), 'not an allow list');
    expect(loadProject(fixture).problems).toEqual([]);
  });

  test('a link to a file outside the folder is refused without echoing its content', () => {
    const fixture = writeProject({});
    const secret = join(fixture.dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-CONTENT');
    symlinkSync(secret, join(fixture.allowlistsDir, 'a.json'));
    const text = loadProject(fixture).problems.map(formatProblem).join('\n');
    expect(text).toMatch(
      /an allow-list file must not be a link to a file outside .*, but "a\.json" is: copy the file into the folder instead/,
    );
    expect(text).not.toContain('TOP-SECRET');
  });

  test('a link to another file inside the folder is followed', () => {
    const fixture = writeProject({ 'a.json': app() });
    mkdirSync(join(fixture.allowlistsDir, 'shared'));
    writeFileSync(join(fixture.allowlistsDir, 'shared', 'b.json'), JSON.stringify(app()));
    symlinkSync(join(fixture.allowlistsDir, 'shared', 'b.json'), join(fixture.allowlistsDir, 'b.json'));
    const messages = loadProject(fixture).problems.map((p) => p.message);
    // The sub-folder itself is not an allow list; the link is read.
    expect(messages).toEqual([expect.stringMatching(/but got "shared", which would be ignored/)]);
  });

  test('a FIFO named x.json is refused instead of hanging', () => {
    const fixture = writeProject({ 'a.json': app() });
    execFileSync('mkfifo', [join(fixture.allowlistsDir, 'x.json')]);
    expect(loadProject(fixture).problems.map((p) => p.message)).toEqual([
      'cannot read the file: it must be a regular file, but it is a named pipe (FIFO)',
    ]);
  });

  test('a device is refused instead of read forever', () => {
    expect(() => readRegularFile('/dev/zero')).toThrow(/it must be a regular file, but it is a device/);
  });
});

describe('11: smaller items', () => {
  test('a UTF-8 BOM is named instead of shown as an invisible character', () => {
    expect(problemsOf({ 'a.json': `\ufeff${JSON.stringify(app())}` })).toEqual([
      `${A}:1:1: the file must start with "{", but it starts with an invisible byte-order mark (U+FEFF, "UTF-8 with BOM"): save it as UTF-8 without BOM`,
    ]);
  });

  test('limit: 1e400 says what it is instead of "got null"', () => {
    const text = JSON.stringify(app({ claims: [{ server: 'org', limit: 1 }] })).replace('"limit":1', '"limit":1e400');
    expect(problemText({ 'a.json': text })).toMatch(
      /claims\[0\]\.limit must be a number JSON tools can read, but got 1e400, which is too large \(it reads as infinity\)/,
    );
  });

  test('alwaysIncludeInToken: false on an access-token claim is refused', () => {
    expect(problemText({ 'a.json': app({ claims: [{ server: 'default', token: 'access', alwaysIncludeInToken: false }] }) })).toMatch(
      /alwaysIncludeInToken must not be false on an access-token claim, but got false: Okta always puts access-token claims into the token/,
    );
  });

  test('a misspelt backend setting suggests the right one', () => {
    const envs = envWith(
      (env) => (env.backend = { type: 's3', config: { bukket: 'b', bucket: 'b', region: 'eu-west-1', key: 'okta/{stack}' } }),
    );
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      /backend\.config of a "s3" backend must use its settings, but got "bukket": did you mean "bucket"\?/,
    );
  });

  test('minWaitSeconds above maxWaitSeconds is refused', () => {
    const envs = envWith((env) => (env.rateLimits = { minWaitSeconds: 400, maxWaitSeconds: 60 }));
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      /rateLimits\.minWaitSeconds must be at most maxWaitSeconds, but environment "prod" has 400 and 60/,
    );
  });

  test('a wait given alone is compared with the default of the other, and the message says which is the default', () => {
    const minOnly = envWith((env) => (env.rateLimits = { minWaitSeconds: 400 }));
    expect(problemText({ 'a.json': app() }, minOnly)).toMatch(/has 400 and 300 \(maxWaitSeconds defaults to 300\): swap them/);
    const maxOnly = envWith((env) => (env.rateLimits = { maxWaitSeconds: 10 }));
    expect(problemText({ 'a.json': app() }, maxOnly)).toMatch(/has 30 and 10 \(minWaitSeconds defaults to 30\): swap them/);
  });

  test('a custom server named "org" is refused', () => {
    const envs = envWith((env) => (env.authorizationServers = { org: { id: 'default' } }));
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      /a custom authorization server must not be named "org", but environment "prod" declares "org"/,
    );
  });

  test('a server id of " " is refused', () => {
    const envs = envWith((env) => (env.authorizationServers = { default: { id: ' ' } }));
    expect(problemText({ 'a.json': app() }, envs)).toMatch(/authorizationServers\.default\.id must be an authorization server ID/);
  });

  test('an environment name longer than allow lists can write is refused', () => {
    const long = `e${'x'.repeat(39)}`;
    const envs = environments({ [long]: (environments().environments as Record<string, unknown>).prod });
    expect(problemText({ 'a.json': app() }, envs)).toMatch(
      new RegExp(`an environment name must be at most 32 characters, but "${long}" has 40`),
    );
  });

  test('field names holding a workflow command or ESC are printed escaped', () => {
    const text = problemText({ 'a.json': app({ '\n::error::pwned': 1, 'x\u001b[31m': 2 }) });
    expect(text).toContain('"\\u000a::error::pwned" is not a known field');
    expect(text).toContain('"x\\u001b[31m" is not a known field');
    expect(text.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(text).not.toContain('\u001b');
  });

  test('a suppression reason of padding around two letters is refused', () => {
    const fixture = writeProject({ 'a.json': app({ suppressions: [{ rule: 'OKTA-G2', reason: 'a          b' }] }) });
    expect(loadProject(fixture).problems.map((p) => p.message)).toEqual([
      'suppressions[0].reason must be a reason of at least 10 characters besides spaces that tells reviewers why the rule does not apply to this app, but got "a          b"',
    ]);
  });
});
