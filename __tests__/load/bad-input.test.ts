import { allowlist, environments, problemsOf, projectOf } from '../helpers/fixture';

/**
 * One failing case per validation rule. Each asserts the exact file, line and column (found by
 * searching the written text for the offending snippet, independently of the loader) and the
 * message a user would read.
 */

const pretty = (value: unknown): string => (typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);

/**
 * `file:line:column` of the `occurrence`-th `needle` in the file as written, moved `offset`
 * characters right (to point past a key at its value).
 */
function at(file: string, content: unknown, needle: string, occurrence = 1, offset = 0): string {
  const text = pretty(content);
  let index = -1;
  for (let i = 0; i < occurrence; i++) index = text.indexOf(needle, index + 1);
  if (index < 0) throw new Error(`${needle} not in ${file}`);
  const before = text.slice(0, index + offset).split('\n');
  return `${file}:${before.length}:${before[before.length - 1].length + 1}`;
}

function expectProblem(files: Record<string, unknown>, place: string, message: string | RegExp, envs?: unknown): void {
  const problems = problemsOf(files, envs);
  const matching = problems.filter(
    (p) =>
      p.startsWith(`${place}: `) && (typeof message === 'string' ? p === `${place}: ${message}` : message.test(p.slice(place.length + 2))),
  );
  if (matching.length !== 1) throw new Error(`expected one problem at ${place} matching ${message}, got:\n${problems.join('\n')}`);
}

const A = 'allowlists/a.json';

describe('file syntax', () => {
  test('invalid JSON names the line and column', () => {
    const text = '{\n  "owners": ["@acme/payroll",],\n}\n';
    expect(problemsOf({ 'a.json': text })).toEqual([
      `${A}:2:30: This is not valid JSON: unexpected "]": remove the comma before it, or add the missing value`,
    ]);
  });

  test('a duplicate key is an error instead of silently keeping the last', () => {
    const text = pretty(allowlist()).replace('"owners": [', '"owners": ["@acme/a"],\n  "owners": [');
    expect(problemsOf({ 'a.json': text })).toEqual([
      `${at(A, text, '"owners"', 2)}: "owners" appears twice in the top level (first on line 2): keep one, JSON keeps only the last`,
    ]);
  });
});

describe('file shape (schema)', () => {
  test('an unknown field suggests the intended one', () => {
    const file = allowlist({
      app: { lable: 'X', type: 'web', redirectUris: ['https://a.example.com/cb'], grantTypes: ['authorization_code'] },
    });
    const problems = problemsOf({ 'a.json': file });
    expect(problems).toContain(`${at(A, file, '"lable"')}: "lable" is not a known field of app: did you mean "label"?`);
    expect(problems).toContain(`${at(A, file, '"app": {', 1, '"app": '.length)}: app is missing the required field "label"`);
  });

  test('an empty allow list is refused', () => {
    const file = allowlist({ allowlist: { groups: [] } });
    expectProblem({ 'a.json': file }, at(A, file, '[]'), 'allowlist.groups must list at least 1 item(s), but got none');
  });

  test('more than 100 groups are refused', () => {
    const groups = Array.from({ length: 101 }, (_, i) => `Group ${i}`);
    const file = allowlist({ allowlist: { groups } });
    expectProblem({ 'a.json': file }, at(A, file, '[\n      "Group 0"'), 'allowlist.groups must list at most 100 items, but got 101');
  });

  test('the same group twice is refused', () => {
    const file = allowlist({ allowlist: { groups: ['A', 'A'] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '[\n      "A"'),
      'allowlist.groups must not list the same item twice, but "A" appears more than once',
    );
  });

  test('a scope name that is not a scope', () => {
    const file = allowlist({ claims: [{ server: 'default', scopes: ['${file("/etc/hostname")}'] }] });
    expectProblem({ 'a.json': file }, at(A, file, '"${file'), /^claims\[0\].scopes\[0\] must be a scope name such as "groups"/);
  });

  test('an unknown token type lists the allowed values', () => {
    const file = allowlist({ claims: [{ server: 'default', token: 'refresh' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"refresh"'), 'claims[0].token must be one of "id", "access", but got "refresh"');
  });

  test('an owner must be a GitHub user or team', () => {
    const file = allowlist({ owners: ['payroll team'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"payroll team"'),
      'owners[0] must be a GitHub user or team such as "@acme/payroll", but got "payroll team"',
    );
  });

  test('a limit must be a whole number', () => {
    const file = allowlist({ claims: [{ server: 'org', limit: 2.5 }] });
    expectProblem({ 'a.json': file }, at(A, file, '2.5'), 'claims[0].limit must be a whole number, but got 2.5');
  });
});

describe('allow-list kind', () => {
  test('static and dynamic at once: refused, naming why and both fixes', () => {
    const file = allowlist({ allowlist: { groups: ['A'], startsWith: 'IT' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT"'),
      /^allowlist cannot combine "groups" with "startsWith" in one claim yet: .*docs\/okta-semantics\.md#combined-allow-lists\)\. Either name in "groups" the groups "startsWith" should match .*, or keep only "startsWith"$/,
    );
  });

  test('two dynamic patterns at once', () => {
    const file = allowlist({ allowlist: { endsWith: '-Admins', contains: 'IT' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT"'),
      'allowlist must be either static or one dynamic pattern, but got "endsWith" and "contains": keep one',
    );
  });

  test('neither static nor dynamic', () => {
    const file = allowlist({ allowlist: { source: 'OKTA' } });
    expectProblem({ 'a.json': file }, at(A, file, '{\n    "source"'), /^allowlist must have "groups" \(a static list\) or one of/);
  });

  test('a source on a static list', () => {
    const file = allowlist({ allowlist: { groups: ['A'], source: 'OKTA' } });
    expectProblem({ 'a.json': file }, at(A, file, '"OKTA"'), /^allowlist.source applies to dynamic lists only/);
  });
});

describe('environments and servers', () => {
  test('an unknown environment lists the declared ones', () => {
    const file = allowlist({ environments: ['dev', 'staging'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"staging"'),
      'environment "staging" is not declared: use one of "dev", "prod" or add it to the environments file',
    );
  });

  test('an import for an environment the app is not deployed to', () => {
    const file = allowlist({ environments: ['dev'], app: { ...(allowlist().app as object), importIds: { prod: '0oa1b2c3d4e5f6g7h8i9' } } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"0oa1b2c3d4e5f6g7h8i9"'),
      /^app.importIds names "prod", but the app is not deployed there/,
    );
  });

  test('an import for a misspelt environment name', () => {
    const file = allowlist({ app: { ...(allowlist().app as object), importIds: { Prod: '0oa1b2c3d4e5f6g7h8i9' } } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"Prod"'),
      'each name in app.importIds must be an environment name: lower-case letters, digits and single "-", starting with a letter, but got "Prod"',
    );
  });

  test('a malformed app ID to import', () => {
    const file = allowlist({ app: { ...(allowlist().app as object), importIds: { prod: '0oa123' } } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"0oa123"'),
      'app.importIds.prod must be an Okta app ID: "0oa" followed by 17 letters or digits, but got "0oa123"',
    );
  });

  test('an unknown authorization server names the environment and the known servers', () => {
    const file = allowlist({ claims: [{ server: 'partners' }] });
    const problems = problemsOf({ 'a.json': file });
    expect(problems).toEqual([
      `${at(A, file, '"partners"')}: server "partners" is not an authorization server of environment "dev": use "org" or one of "default", or declare it in the environments file`,
      `${at(A, file, '"partners"')}: server "partners" is not an authorization server of environment "prod": use "org" or one of "default", or declare it in the environments file`,
    ]);
  });
});

describe('claims', () => {
  test('the org server has no access-token claim', () => {
    const file = allowlist({ claims: [{ server: 'org', token: 'access' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"access"'), /^token must be "id" on the org server, but got "access"/);
  });

  test('scopes on an org-server claim', () => {
    const file = allowlist({ claims: [{ server: 'org', scopes: ['groups'] }] });
    expectProblem({ 'a.json': file }, at(A, file, '[\n        "groups"'), /^scopes apply to custom-server claims only/);
  });

  test('two org-server claims', () => {
    const file = allowlist({ claims: [{ server: 'org' }, { server: 'org', name: 'roles' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server": "org"', 2),
      'an app has one org-server Groups claim, but this file declares 2: keep one',
    );
  });

  test('an org-server claim under OAuth 2.0 authentication explains the provider trap', () => {
    const envs = environments({ prod: { ...(environments().environments as Record<string, object>).prod, auth: { method: 'oauth' } } });
    const file = allowlist();
    expectProblem(
      { 'a.json': file },
      at(A, file, '"org"'),
      /^an org-server claim needs API-token authentication, but environment "prod" uses "oauth": the Okta provider silently skips/,
      envs,
    );
  });

  test.each([
    [0, 'limit must be between 1 and 100, but got 0'],
    [101, 'limit must be between 1 and 100, but got 101'],
    [1, /^limit must be at least the number of allow-listed groups \(2\), but got 1: Okta would refuse the token/],
  ])('limit %p', (limit, message) => {
    const file = allowlist({ claims: [{ server: 'org', limit }] });
    expectProblem({ 'a.json': file }, at(A, file, `"limit": ${limit}`, 1, '"limit": '.length), message);
  });

  test.each([
    ['sub', 'id', 'name "sub" is reserved by Okta in id tokens: choose another name, such as "groups"'],
    ['cid', 'access', 'name "cid" is reserved by Okta in access tokens: choose another name, such as "groups"'],
    // Okta's "OIDC Bearer Tokens: List of Reserved Claims", ID-token names the project once lacked.
    ...['group', 'role', 'permissions', 'client_id', 'cnf', 'oid', 'rid', 'device_id', 'may_act', 'term', 'okta_emailVerified'].map(
      (name) =>
        [name, 'id', `name "${name}" is reserved by Okta in id tokens: choose another name, such as "groups"`] as [string, string, string],
    ),
    [
      'my groups',
      'id',
      /^name must be letters, digits, "_", "-", "\." or ":", starting with a letter or "_" \(at most 100\), but got "my groups"/,
    ],
  ])('claim name %p in the %s token', (name, token, message) => {
    const file = allowlist({ claims: [{ server: 'default', name, token }] });
    expectProblem({ 'a.json': file }, at(A, file, `"${name}"`), message);
  });

  test.each([
    ['groups', 'access'],
    ['groups', 'id'],
    ['role', 'access'],
    ['roles', 'id'],
  ])('claim name %p in the %s token is not reserved', (name, token) => {
    expect(problemsOf({ 'a.json': allowlist({ claims: [{ server: 'default', name, token }] }) })).toEqual([]);
  });

  test('the same claim twice', () => {
    const file = allowlist({ claims: [{ server: 'default' }, { server: 'default', token: 'id' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server": "default"', 2),
      'claims[1] repeats claims[0] (server "default", name "groups", id token): remove one',
    );
  });

  test('custom-server claims of one app with different limits', () => {
    const file = allowlist({
      claims: [
        { server: 'default', limit: 5 },
        { server: 'default', token: 'access', limit: 6 },
      ],
    });
    expectProblem(
      { 'a.json': file },
      at(A, file, '6'),
      /^custom-server claims of one app must share one limit, but claims\[0\] has 5 and claims\[1\] has 6/,
    );
  });
});

describe('dynamic lists and group names', () => {
  test('a quote in a dynamic pattern cannot reach an Okta expression', () => {
    const file = allowlist({ allowlist: { startsWith: 'IT"), Groups.contains("' }, claims: [{ server: 'org' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT\\"'),
      /^allowlist.startsWith must not contain double quotes, backslashes or control characters/,
    );
  });

  test('a backslash in a dynamic pattern', () => {
    const file = allowlist({ allowlist: { contains: 'a\\b' }, claims: [{ server: 'org' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"a\\\\b"'), /^allowlist.contains must not contain double quotes, backslashes/);
  });

  test('group IDs from a dynamic list', () => {
    const file = allowlist({ allowlist: { startsWith: 'IT' }, claims: [{ server: 'org', value: 'id' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"id"'), /^value must be "name" for a dynamic allow list, but got "id"/);
  });

  test('a mistyped group ID', () => {
    const file = allowlist({ allowlist: { groups: ['00g123'] } });
    expectProblem({ 'a.json': file }, at(A, file, '"00g123"'), /^"00g123" looks like a group ID but is not one/);
  });

  test('a group name with a trailing space', () => {
    const file = allowlist({ allowlist: { groups: ['Payroll Users '] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"Payroll Users "'),
      'group name "Payroll Users " starts or ends with a space: names are matched exactly, remove the space',
    );
  });

  test('a group name with a tab', () => {
    const file = allowlist({ allowlist: { groups: ['Payroll\tUsers'] } });
    expectProblem({ 'a.json': file }, at(A, file, '"Payroll\\tUsers"'), /^group name "Payroll\\tUsers" contains a control character/);
  });
});

describe('assignments (who may sign in)', () => {
  test('both forms at once', () => {
    const file = allowlist({ assignments: { groups: ['Payroll Users'], fromAllowlist: true } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"fromAllowlist"', 1, '"fromAllowlist": '.length),
      /^assignments must be either "groups" or "fromAllowlist", but got both/,
    );
  });

  test('neither form', () => {
    const file = allowlist({ assignments: {} });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"assignments"', 1, '"assignments": '.length),
      /^assignments must have "groups" \(the groups whose members may sign in\) or "fromAllowlist": true, but got neither/,
    );
  });

  test('fromAllowlist with a dynamic list', () => {
    const file = allowlist({ allowlist: { startsWith: 'Payroll ' }, assignments: { fromAllowlist: true } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"fromAllowlist"', 1, '"fromAllowlist": '.length),
      /^assignments.fromAllowlist must go with a static allow list, but got allowlist.startsWith "Payroll ": Okta assigns groups, not name patterns/,
    );
  });

  test("assigned groups follow the allow list's rules: a mistyped ID, a stray space", () => {
    const file = allowlist({ assignments: { groups: ['00g123', 'Payroll Users '] } });
    expectProblem({ 'a.json': file }, at(A, file, '"00g123"'), /^"00g123" looks like a group ID but is not one/);
    expectProblem({ 'a.json': file }, at(A, file, '"Payroll Users "'), /^group name "Payroll Users " starts or ends with a space/);
  });

  test('an assigned group twice is refused by the schema', () => {
    const file = allowlist({ assignments: { groups: ['A', 'A'] } });
    expect(problemsOf({ 'a.json': file }).join('\n')).toMatch(/assignments\.groups|duplicate|unique/i);
  });

  test('valid forms pass: fromAllowlist with a static list, groups by name and ID', () => {
    expect(problemsOf({ 'a.json': allowlist({ assignments: { fromAllowlist: true } }) })).toEqual([]);
    expect(problemsOf({ 'a.json': allowlist({ assignments: { groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] } }) })).toEqual([]);
    expect(
      problemsOf({
        'a.json': allowlist({
          allowlist: { startsWith: 'Payroll ' },
          claims: [{ server: 'org' }],
          assignments: { groups: ['Payroll Users'] },
        }),
      }),
    ).toEqual([]);
  });
});

describe('app settings', () => {
  const app = allowlist().app as Record<string, unknown>;

  test('a service app cannot carry a Groups claim', () => {
    const file = allowlist({ app: { ...app, type: 'service', grantTypes: ['client_credentials'], redirectUris: undefined } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"service"'),
      /^app.type must be "web", "native" or "browser", but got "service": service apps sign in no user/,
    );
  });

  // One case per row of the provider's appRequirementsByType (okta/resource_okta_app_oauth.go),
  // which the provider checks only at apply: each of these used to pass validate.
  const DEVICE = 'urn:ietf:params:oauth:grant-type:device_code';
  test.each([
    ['web', ['implicit'], 'must contain "authorization_code"'],
    ['native', [DEVICE, 'refresh_token'], 'must contain "authorization_code"'],
  ])('a %s app without a required grant: %p', (type, grantTypes, message) => {
    const file = allowlist({ app: { ...app, type, grantTypes } });
    expectProblem(
      { 'a.json': file },
      at(A, file, `[\n      "${grantTypes[0]}"`),
      new RegExp(`^app.grantTypes of a ${type} app ${message} \\(the okta provider refuses the app at apply otherwise\\), but got`),
    );
  });

  test.each([
    ['web', 'password', 'remove it, or use type "native"'],
    ['native', 'client_credentials', 'remove it, or use type "web"'],
    ['browser', 'client_credentials', 'remove it, or use type "web"'],
    ['browser', 'password', 'remove it, or use type "native"'],
  ])('a %s app with the %s grant', (type, grant, fix) => {
    const file = allowlist({ app: { ...app, type, grantTypes: ['authorization_code', grant] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, `"${grant}"`),
      new RegExp(`^app.grantTypes of a ${type} app may only contain .*, but got "${grant}": ${fix}$`),
    );
  });

  test.each([
    [
      'web',
      ['authorization_code', 'implicit', 'refresh_token', 'client_credentials', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange'],
    ],
    ['native', ['authorization_code', 'implicit', 'refresh_token', 'password', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange']],
    ['browser', ['implicit', 'refresh_token', DEVICE, 'urn:ietf:params:oauth:grant-type:token-exchange']],
  ])('every grant the provider allows a %s app passes', (type, grantTypes) => {
    const settings = type === 'web' ? {} : { tokenEndpointAuthMethod: 'none' };
    expect(problemsOf({ 'a.json': allowlist({ app: { ...app, ...settings, type, grantTypes } }) })).toEqual([]);
  });

  test('authorization code without a redirect URI', () => {
    const file = allowlist({ app: { ...app, redirectUris: undefined } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n    "label"'),
      'app.redirectUris must list at least one URI for "authorization_code" or "implicit", but got none',
    );
  });

  test('refresh tokens without authorization code', () => {
    const file = allowlist({ app: { ...app, grantTypes: ['implicit', 'refresh_token'] } });
    expectProblem({ 'a.json': file }, at(A, file, '[\n      "implicit"'), /^grant "refresh_token" needs "authorization_code"/);
  });

  test('a redirect URI that is not absolute', () => {
    const file = allowlist({ app: { ...app, redirectUris: ['/callback'] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"/callback"'),
      'app.redirectUris[0] must be an absolute URI such as "https://app.example.com/callback", but got "/callback"',
    );
  });

  test('a redirect URI with a fragment', () => {
    const file = allowlist({ app: { ...app, redirectUris: ['https://a.example.com/cb#x'] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"https://a.example.com/cb#x"'),
      'app.redirectUris[0] must not have a #fragment, but got "https://a.example.com/cb#x"',
    );
  });
});

describe('keys and renames', () => {
  test('a file name that cannot be an app key', () => {
    expectProblem(
      { 'Payroll_App.json': allowlist() },
      'allowlists/Payroll_App.json:1:1',
      /^the file name must be a key of lower-case letters, digits and single "-", starting with a letter \(at most 64\), but got "Payroll_App"/,
    );
  });

  test('a file name starting with a digit, which Terraform refuses as an address', () => {
    expectProblem({ '1password.json': allowlist() }, 'allowlists/1password.json:1:1', /but got "1password"/);
  });

  test('previousKeys naming the file itself', () => {
    const file = allowlist({ previousKeys: ['a'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"a"'),
      'previousKeys must list earlier names of this file, but got its current name "a": remove it',
    );
  });

  test('previousKeys naming a file that still exists', () => {
    const file = allowlist({ previousKeys: ['b'] });
    expectProblem(
      { 'a.json': file, 'b.json': allowlist() },
      at(A, file, '"b"'),
      /^previousKeys names "b", but allowlists\/b.json still exists: a renamed app has one file/,
    );
  });

  test('two files taking over the same old app', () => {
    const file = allowlist({ previousKeys: ['old'] });
    expectProblem(
      { 'a.json': file, 'b.json': file },
      at('allowlists/b.json', file, '"old"'),
      'previousKeys names "old", which allowlists/a.json also names: only one file can take over an app',
    );
  });
});

describe('shared custom-server claims', () => {
  test('two apps asking for one claim with different scopes conflict, naming both files', () => {
    const a = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
    const b = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    expectProblem(
      { 'a.json': a, 'b.json': b },
      at('allowlists/b.json', b, '{\n      "server"'),
      'this claim conflicts with allowlists/a.json claims[0]: apps on server "default" share ONE "groups" access-token claim (environments "dev", "prod"), so they must agree on scopes: ["profile"] in allowlists/a.json vs none here. Align the two files, or give one claim another name',
    );
    // Both apps are in dev and prod: the conflict is reported once, naming both environments.
    expect(problemsOf({ 'a.json': a, 'b.json': b }).filter((p) => p.includes('this claim conflicts with'))).toHaveLength(1);
  });

  test('two dynamic apps with different patterns on one claim conflict', () => {
    const a = allowlist({ allowlist: { startsWith: 'IT-' }, claims: [{ server: 'default' }] });
    const b = allowlist({ allowlist: { startsWith: 'HR-' }, claims: [{ server: 'default' }] });
    expect(problemsOf({ 'a.json': a, 'b.json': b }).join('\n')).toMatch(
      /must agree on allow-list kind and pattern: startsWith "IT-" \(source OKTA\) in allowlists\/a.json vs startsWith "HR-" \(source OKTA\) here/,
    );
  });

  test('a static and a dynamic app on one claim conflict', () => {
    const a = allowlist({ claims: [{ server: 'default' }] });
    const b = allowlist({ allowlist: { startsWith: 'HR-' }, claims: [{ server: 'default' }] });
    expect(problemsOf({ 'a.json': a, 'b.json': b }).join('\n')).toMatch(
      /must agree on allow-list kind and pattern: a static list in allowlists\/a.json vs startsWith "HR-"/,
    );
  });
});

describe('claim scopes and server access', () => {
  const E = 'environments.json';
  const envWith = (server: Record<string, unknown>) => {
    const base = environments().environments as Record<string, Record<string, unknown>>;
    return environments({
      dev: { ...base.dev, authorizationServers: { default: server } },
      prod: { ...base.prod, authorizationServers: { default: server } },
    });
  };
  const scoped = (scope: string) => allowlist({ claims: [{ server: 'default', token: 'access', scopes: [scope] }] });

  test('a claim restricted to "groups" on a server that neither manages nor declares it', () => {
    const file = scoped('groups');
    expectProblem(
      { 'a.json': file },
      at(A, file, '"groups"', 2),
      'each scope of a claim must exist on server "default" in environment "prod", but got "groups", which the environments file neither manages nor declares there: set "manageGroupsScope": true on it (this repository then creates the scope) or, if the server already has it, list it in its "existingScopes" (environments.prod.authorizationServers.default)',
    );
  });

  test('a claim restricted to an undeclared custom scope', () => {
    const file = scoped('payroll.read');
    expectProblem(
      { 'a.json': file },
      at(A, file, '"payroll.read"'),
      /^each scope of a claim must exist on server "default" in environment "dev", but got "payroll.read", .*list it in the server's "existingScopes"/,
    );
  });

  test.each([
    ['a managed groups scope', 'groups', { id: 'default', manageGroupsScope: true }],
    ['a declared existing scope', 'payroll.read', { id: 'default', existingScopes: ['payroll.read'] }],
    ['an Okta system scope', 'profile', { id: 'default' }],
  ])('%s is accepted', (_, scope, server) => {
    expect(problemsOf({ 'a.json': scoped(scope) }, envWith(server))).toEqual([]);
  });

  test('a claim without scopes on a server not dedicated to managed apps needs a groups scope there', () => {
    const file = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    const envs = envWith({ id: 'default' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '{\n      "server"'),
      /^a claim without "scopes" on server "default" must find a "groups" scope there in environment "dev", but got a server that neither manages nor declares it: .*Set "manageGroupsScope": true on the server .*set "dedicatedToManagedApps": true \(environments\.dev\.authorizationServers\.default\)$/,
      envs,
    );
  });

  test.each([
    ['a managed groups scope', { id: 'default', manageGroupsScope: true }, ['groups']],
    ['a declared existing groups scope', { id: 'default', existingScopes: ['groups'] }, ['groups']],
    ['a server dedicated to managed apps', { id: 'default', dedicatedToManagedApps: true }, undefined],
  ])('a claim without scopes on %s is accepted, restricted to %j', (_, server, scopes) => {
    const project = projectOf({ 'a.json': allowlist({ claims: [{ server: 'default', token: 'access' }] }) }, envWith(server));
    expect(project.plans.map((p) => p.sharedClaims.map((c) => c.scopes))).toEqual([[scopes], [scopes]]);
  });

  test('a claim without scopes agrees with one restricted to "groups" and conflicts with another scope, naming the default', () => {
    const envs = envWith({ id: 'default', manageGroupsScope: true });
    const explicit = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['groups'] }] });
    const implicit = allowlist({ claims: [{ server: 'default', token: 'access' }] });
    expect(problemsOf({ 'a.json': explicit, 'b.json': implicit }, envs)).toEqual([]);
    const other = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
    expect(problemsOf({ 'a.json': other, 'b.json': implicit }, envs).join('\n')).toContain(
      'must agree on scopes: ["profile"] in allowlists/a.json vs none (so ["groups"], the default on a server not dedicatedToManagedApps) here',
    );
  });

  test('a verified server given the name of a policy to own', () => {
    const envs = envWith({ id: 'default', access: { mode: 'verified', policyName: 'Mine' } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"Mine"'),
      'access.policyName must be left out with mode "verified", but got it: a verified server owns no policy. Remove it, or set "mode": "managed"',
      envs,
    );
  });

  test('a managed server given policies to check', () => {
    const envs = envWith({ id: 'default', access: { mode: 'managed', checkPolicies: ['Default Policy'] } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '[\n              "Default Policy"'),
      /^access.checkPolicies must be left out with mode "managed", but got it/,
      envs,
    );
  });

  test('both access modes in their own shape are accepted', () => {
    const managed = envWith({
      id: 'default',
      manageGroupsScope: true,
      access: { mode: 'managed', policyName: 'Allow-listed apps', priority: 2 },
    });
    const verified = envWith({ id: 'default', manageGroupsScope: true, access: { mode: 'verified', checkPolicies: ['Default Policy'] } });
    expect(problemsOf({ 'a.json': allowlist() }, managed)).toEqual([]);
    expect(problemsOf({ 'a.json': allowlist() }, verified)).toEqual([]);
  });
});

describe('environments file', () => {
  const E = 'environments.json';
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

  test('a server with both an ID and a lookup name', () => {
    const envs = environments({ dev: { ...dev, authorizationServers: { default: { id: 'default', lookupName: 'Default' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"default": {', 1, '"default": '.length),
      'authorization server "default" must have exactly one of "id" or "lookupName", but got both',
      envs,
    );
  });

  test('an s3 backend without its bucket', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { key: 'k', region: 'eu-west-1' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '{\n        "type": "s3"'),
      'backend "s3" of environment "dev" must set "bucket" in "config", but they are missing',
      envs,
    );
  });

  test('a backend without a state name per stack would put every stack in one state', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 'gcs', config: { bucket: 'b' } } } });
    const problems = problemsOf({ 'a.json': allowlist() }, envs);
    expect(problems).toContain(
      `${at(E, envs, '"config": {', 1, '"config": '.length)}: backend.config.prefix must name each stack's state with "{stack}" (e.g. "okta/{stack}"), but got nothing: without it every stack of "dev" would share one state`,
    );
  });

  test('an API budget that leaves no room for the requests in flight of the parallel stacks', () => {
    const envs = environments({ dev: { ...dev, rateLimits: { maxApiCapacity: 70, parallelJobs: 4 } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"rateLimits": {', 1, '"rateLimits": '.length),
      /^rateLimits.maxApiCapacity must be at most 60 with parallelJobs 4, but got 70: when the budget is reached/,
      envs,
    );
  });

  test('a credential in the backend settings', () => {
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', key: 'k', region: 'r', secretKey: 'x' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"x"'),
      /^backend.config.secretKey looks like a credential: never put secrets in this file/,
      envs,
    );
  });

  test('OAuth scopes with an API token', () => {
    const envs = environments({ dev: { ...dev, auth: { method: 'api_token', scopes: ['okta.apps.manage'] } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '[\n          "okta.apps.manage"'),
      /^auth.scopes applies to method "oauth" only/,
      envs,
    );
  });

  test('a misspelt environment name is refused instead of skipping validation', () => {
    const envs = environments({ 'Prod--EU': { ...dev, extra: 'x' } });
    expectProblem(
      { 'a.json': allowlist({ environments: ['dev'] }) },
      at(E, envs, '"Prod--EU"'),
      'each name in environments must be an environment name: lower-case letters, digits and single "-", starting with a letter, but got "Prod--EU"',
      envs,
    );
  });

  test('an authorization server name Terraform could not use in an address', () => {
    const envs = environments({ dev: { ...dev, authorizationServers: { default: { id: 'default' }, eu_access: { id: 'aus1' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"eu_access"'),
      'each name in environments.dev.authorizationServers must be a server name of letters, digits and "-", starting with a letter, but got "eu_access"',
      envs,
    );
  });

  test('an unknown field in an environment', () => {
    const envs = environments({ dev: { ...dev, orgname: 'x' } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"orgname"'),
      '"orgname" is not a known field of environments.dev: did you mean "orgName"?',
      envs,
    );
  });
});

test('every problem in every file is reported in one run, sorted by file and line', () => {
  const a = allowlist({
    claims: [
      { server: 'nowhere', limit: 500 },
      { server: 'org', name: 'sub' },
    ],
  });
  const b = '{ "owners": [ }';
  const c = allowlist({ owners: ['nobody'] });
  // Written in another order than the one expected back.
  const problems = problemsOf({ 'c.json': c, 'b.json': b, 'a.json': a });
  expect(problems.map((p) => p.replace(/: .*/, ''))).toEqual([
    at(A, a, '"nowhere"'),
    at(A, a, '"nowhere"'),
    at(A, a, '500'),
    at(A, a, '"sub"'),
    'allowlists/b.json:1:15',
    at('allowlists/c.json', c, '"nobody"'),
  ]);
  expect(problems[0]).toMatch(/environment "dev"/);
  expect(problems[1]).toMatch(/environment "prod"/);
});

describe('shards', () => {
  test('a shard may not take the name of the shared stack', () => {
    const file = allowlist({ shard: 'shared' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"shared"'),
      /^the shard must not be named "shared", which is the stack of the shared claims, but got it: set "shard" to another name/,
    );
  });

  test('a team called "shared" needs an explicit shard', () => {
    const file = allowlist({ owners: ['@acme/shared'] });
    expectProblem({ 'a.json': file }, at(A, file, '"@acme/shared"'), /but got it from the first owner: set "shard" to another name/);
  });

  test('previousShard naming the current shard', () => {
    const file = allowlist({ shard: 'finance', previousShard: 'finance' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"finance"', 2),
      'previousShard must name the shard the app moves FROM, but got its current shard "finance": remove previousShard',
    );
  });

  test('a retirement and a shard move at once', () => {
    const file = allowlist({ shard: 'finance', previousShard: 'payroll', retire: { dev: 'destroy' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"retire": {', 1, '"retire": '.length),
      /^an app can be retired or moved to another shard \(previousShard\) in one change, but not both/,
    );
  });

  test('a rename and a shard move at once', () => {
    const file = allowlist({ previousKeys: ['old'], previousShard: 'legacy' });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"legacy"'),
      /^an app can be renamed \(previousKeys\) or moved to another shard \(previousShard\) in one change, but not both/,
    );
  });

  test('an environment name with "--", which separates environment and shard in stack names', () => {
    const file = allowlist({ environments: ['prod--eu'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"prod--eu"'),
      'environments[0] must be an environment name: lower-case letters, digits and single "-", starting with a letter, but got "prod--eu"',
    );
  });

  test('a remote state setting without {stack} would put every shard in one state', () => {
    const E = 'environments.json';
    const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;
    const envs = environments({ dev: { ...dev, backend: { type: 's3', config: { bucket: 'b', key: 'okta/dev.tfstate', region: 'r' } } } });
    expectProblem(
      { 'a.json': allowlist() },
      at(E, envs, '"okta/dev.tfstate"'),
      'backend.config.key must contain "{stack}" so each stack of "dev" has its own state, but got "okta/dev.tfstate": for example "okta/dev-{stack}.tfstate"',
      envs,
    );
  });
});
