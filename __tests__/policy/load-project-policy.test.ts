import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../lib/load/load-project';
import { formatProblem } from '../../lib/load/problem';
import { writeProject } from '../helpers/fixture';

const SAMPLE_POLICY = JSON.parse(readFileSync('policy.json', 'utf8'));
const sampleFiles = (): Record<string, Record<string, unknown>> =>
  Object.fromEntries(
    readdirSync('allowlists')
      .filter((name) => name !== 'schema.json')
      .map((name) => [name, JSON.parse(readFileSync(join('allowlists', name), 'utf8'))]),
  );
const sampleEnvironments = JSON.parse(readFileSync('stacks/environments.json', 'utf8'));

/** `allowlists/<name>:line:column` of the first `needle` in a file as the fixture writes it. */
function place(name: string, content: unknown, needle: string): string {
  const text = `${JSON.stringify(content, null, 2)}\n`;
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return `allowlists/${name}:${before.length}:${before[before.length - 1].length + 1}`;
}

/** The sample project in a temp folder, with `policy` (null: none) beside its allow-lists folder; messages without the temp path. */
function load(files: Record<string, unknown>, policy: unknown = SAMPLE_POLICY) {
  const fixture = writeProject(files, sampleEnvironments);
  if (policy !== null) writeFileSync(join(fixture.dir, 'policy.json'), `${JSON.stringify(policy, null, 2)}\n`);
  const result = loadProject(fixture);
  const strip = (lines: string[]) => lines.map((line) => line.split(`${fixture.dir}/`).join(''));
  return { ...result, fixture, errors: strip(result.problems.map(formatProblem)), warningLines: strip(result.warnings.map(formatProblem)) };
}

describe('loadProject with the policy', () => {
  test('the sample allow lists pass the sample policy; the one suppression is it-tools accepting what IT- can reach', () => {
    const { project, problems, warnings } = loadProject();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(warnings.map(formatProblem)).toEqual([]);
    expect(project?.apps).toHaveLength(5);
    expect(project?.suppressions).toEqual([expect.objectContaining({ rule: 'OKTA-G4', silenced: 1 })]);
  });

  test('a PR that adds an admin group to an app fails with a message an app team understands', () => {
    const files = sampleFiles();
    const hr = files['hr-portal.json'] as { allowlist: { groups: string[] } };
    hr.allowlist.groups.push('Okta Admins');
    const { project, errors } = load(files);
    expect(project).toBeUndefined();
    expect(errors).toContain(
      `${place('hr-portal.json', hr, '"Okta Admins"')}: [OKTA-G1 error] group "Okta Admins" must not be allow-listed: it looks like a privileged group (it matches "*Admin*" in policy.json, groups.forbidden.patterns), and this app's tokens would show who holds those rights. Remove it from allowlist.groups; if your team owns this group and the app needs it, ask the platform team to grant "Okta Admins" by its exact name to @acme/people-systems in policy.json (groups.owners)`,
    );
    expect(errors.join('\n')).not.toMatch(/terraform|resource|state|plan/i);
  });

  test('a change to policy.json alone is re-checked against every allow list', () => {
    const policy = structuredClone(SAMPLE_POLICY);
    policy.groups.owners['@acme/payroll'].groups = ['00g1a2b3c4d5e6f7g8h9'];
    const { project, errors } = load(sampleFiles(), policy);
    expect(project).toBeUndefined();
    expect(errors).toEqual([
      expect.stringMatching(/^allowlists\/payroll\.json:\d+:\d+: \[OKTA-G1 error\] group "Payroll Admins" must not be allow-listed/),
    ]);
  });

  test('policy errors and schema errors of other files are reported in the same run', () => {
    const files: Record<string, unknown> = { ...sampleFiles(), 'broken.json': { owners: ['@acme/payroll'] } };
    // Okta allows the implicit grant on a web app; the sample policy does not.
    (files['payroll.json'] as { app: { grantTypes: string[] } }).app.grantTypes.push('implicit');
    const { errors } = load(files);
    expect(errors).toEqual([
      expect.stringContaining('broken.json:1:1: the file is missing the required field "allowlist"'),
      expect.anything(),
      expect.anything(),
      expect.stringContaining('[OKTA-A1 error] grant type "implicit"'),
    ]);
  });

  test('warnings do not block: the project is still loaded and the warnings returned', () => {
    const policy = { ...SAMPLE_POLICY, apps: { ...SAMPLE_POLICY.apps, maxPerOwner: 1 } };
    const files = sampleFiles();
    files['payroll-reports.json'] = {
      ...files['payroll.json'],
      app: { ...(files['payroll.json'].app as object), label: 'Payroll Reports' },
    };
    const { project, problems, warningLines } = load(files, policy);
    expect(problems).toEqual([]);
    expect(project).toBeDefined();
    expect(warningLines).toEqual([
      expect.stringContaining(
        `${place('payroll-reports.json', files['payroll-reports.json'], '"@acme/payroll"')}: [OKTA-O1 warning] @acme/payroll must own at most 1 apps (policy.json, apps.maxPerOwner), but owns 2: payroll-reports, payroll.`,
      ),
      expect.stringContaining(`${place('payroll.json', files['payroll.json'], '"@acme/payroll"')}: [OKTA-O1 warning]`),
    ]);
  });

  test('suppressions are exposed on the project for the PR summary', () => {
    const files = sampleFiles();
    Object.assign(files['it-tools.json'], { suppressions: [{ rule: 'OKTA-C2', reason: 'Helpdesk staff belong to many IT groups' }] });
    const { project } = load(files, { ...SAMPLE_POLICY, claims: { ...SAMPLE_POLICY.claims, maxLimit: 40 } });
    expect(project?.suppressions).toEqual([
      {
        app: 'it-tools',
        file: expect.stringMatching(/allowlists\/it-tools\.json$/),
        line: Number(place('it-tools.json', files['it-tools.json'], '{\n      "rule"').split(':')[1]),
        rule: 'OKTA-C2',
        reason: 'Helpdesk staff belong to many IT groups',
        silenced: 2,
      },
    ]);
  });

  test('a suppression needs a written reason', () => {
    const files = sampleFiles();
    Object.assign(files['it-tools.json'], { suppressions: [{ rule: 'OKTA-C2', reason: 'needed' }] });
    expect(load(files).errors).toEqual([
      `${place('it-tools.json', files['it-tools.json'], '"needed"')}: suppressions[0].reason must be a reason of at least 10 characters besides spaces that tells reviewers why the rule does not apply to this app, but got "needed"`,
    ]);
  });

  test('without a policy file beside the allow lists, loading warns that the guardrails were not checked', () => {
    const { project, warningLines } = load(sampleFiles(), null);
    expect(project).toBeDefined();
    expect(warningLines).toEqual([
      'policy.json:1:1: there is no policy file beside the allow-lists folder, so the guardrails were not checked: add policy.json or pass --policy <file> (see docs/policy.md)',
    ]);
  });

  test('a policy file given explicitly must exist', () => {
    const fixture = writeProject(sampleFiles(), sampleEnvironments);
    const { project, problems } = loadProject({ ...fixture, policyFile: join(fixture.dir, 'missing.json') });
    expect(project).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ file: join(fixture.dir, 'missing.json'), message: expect.stringMatching(/^cannot read the file/) }),
    ]);
  });
});

describe('npm run validate', () => {
  const validate = (dir: string, policy: string) =>
    spawnSync(
      join('node_modules', '.bin', 'tsx'),
      ['cli/validate.ts', '--dir', dir, '--config', 'stacks/environments.json', '--policy', policy],
      { encoding: 'utf8' },
    );

  test('prints policy warnings and exits 0 when there are only warnings; exits 1 on a policy error', () => {
    const files = sampleFiles();
    (files['expenses.json'] as { allowlist: { groups: string[] } }).allowlist.groups.push('HR Business Partners');
    const failing = load(files, { ...SAMPLE_POLICY, rules: { ...SAMPLE_POLICY.rules, 'OKTA-G2': { level: 'warning' } } });
    const warned = validate(failing.fixture.allowlistsDir, join(failing.fixture.dir, 'policy.json'));
    expect(warned.status).toBe(0);
    expect(warned.stderr).toMatch(
      /expenses\.json:\d+:\d+: \[OKTA-G2 warning\] group "HR Business Partners" must be one that @acme\/finance-apps may allow-list/,
    );

    const blocked = validate(failing.fixture.allowlistsDir, 'policy.json');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/\[OKTA-G2 error\] group "HR Business Partners"/);
  });
});
