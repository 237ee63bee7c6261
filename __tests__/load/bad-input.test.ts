import { allowlist, environments, problemsOf } from '../helpers/fixture';
import { A, at, E, expectProblem, pretty } from '../helpers/located-problems';

/**
 * Bad input the schema and the loader refuse before any rule runs, and how problems are reported.
 * Each asserts the exact file, line and column and the message a user would read. Each rule's
 * own cases are in __tests__/rules/<rule-id>.test.ts.
 */

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

describe('app imports (schema)', () => {
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
});

describe('assignments (schema)', () => {
  test('an assigned group twice is refused by the schema', () => {
    const file = allowlist({ assignments: { groups: ['A', 'A'] } });
    expect(problemsOf({ 'a.json': file }).join('\n')).toMatch(/assignments\.groups|duplicate|unique/i);
  });
});

describe('environments file (schema)', () => {
  const dev = (environments().environments as Record<string, Record<string, unknown>>).dev;

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

test('conflicts between files are reported in the same run as the problems of other files', () => {
  const a = allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['profile'] }] });
  const b = allowlist({ claims: [{ server: 'default', token: 'access' }] });
  const c = allowlist({ claims: [{ server: 'org', name: 'sub' }] });
  const problems = problemsOf({ 'a.json': a, 'b.json': b, 'c.json': c });
  expect(problems).toEqual([
    expect.stringMatching(/^allowlists\/b\.json:\d+:\d+: this claim conflicts with allowlists\/a\.json/),
    expect.stringMatching(/^allowlists\/c\.json:\d+:\d+: name "sub" is reserved/),
  ]);
});

describe('environment names in allow lists (schema)', () => {
  test('an environment name with "--", which separates environment and shard in stack names', () => {
    const file = allowlist({ environments: ['prod--eu'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"prod--eu"'),
      'environments[0] must be an environment name: lower-case letters, digits and single "-", starting with a letter, but got "prod--eu"',
    );
  });
});
