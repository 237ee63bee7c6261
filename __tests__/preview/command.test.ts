import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runPreview } from '../../lib/preview/command';

const ROOT = join(__dirname, '..', '..');
const SOURCES = ['--dir', join(ROOT, 'allowlists'), '--config', join(ROOT, 'stacks', 'environments.json')];
const preview = (...argv: string[]) => runPreview([...SOURCES, ...argv]);

describe('runPreview', () => {
  test('prints each claim of the app with its value, the shared-claim notice and the offline note', () => {
    const text = preview('--env', 'dev', '--app', 'hr-portal', '--groups', 'People "Ops" Leads,Sales').join('\n');
    expect(text).toContain('hr-portal in dev, for a user in "People \\"Ops\\" Leads", "Sales":');
    expect(text).toContain(
      'default server access token, https://acme-dev.oktapreview.com/oauth2/default/v1, request one of groups:\n    groups = ["People \\"Ops\\" Leads"]',
    );
    expect(text).toContain('it_groups is left out');
    expect(text).toContain(
      'it_groups is left out: hr-portal did not ask for it (asked for by it-tools; it serves only the apps whose profile lists it)',
    );
    expect(text).toContain('Note: Preview matches groups by the name or ID written in the allow lists');
  });

  test('a claim whose value depends on case in Groups.* shows both outcomes, not a footnote', () => {
    const text = preview('--env', 'dev', '--app', 'it-tools', '--groups', 'IT-Helpdesk,it-lab', '--token', 'id').join('\n');
    expect(text).toContain(
      '    groups = ["IT-Helpdesk"]   if Okta compares the pattern case-sensitively\n    groups = ["IT-Helpdesk", "it-lab"]   if Okta ignores case (unverified either way: see docs/preview.md)',
    );
  });

  test('an ID-token claim says where the client finds it per flow: /userinfo for the code flow, both for refresh tokens', () => {
    const text = preview('--env', 'prod', '--app', 'payroll', '--groups', 'Payroll Users', '--token', 'id').join('\n');
    expect(text).toContain(
      '    groups = ["Payroll Users"]\n' +
        '    only from /userinfo (the ID token returned beside an access token is thin): authorization_code\n' +
        '    in the ID token or only from /userinfo (unverified: no Okta document places this flow, see docs/preview.md): refresh_token',
    );
  });

  test('without --env, previews every environment the app is managed in', () => {
    const lines = preview('--app', 'payroll');
    expect(lines.filter((l) => l.startsWith('payroll in '))).toEqual([
      'payroll in dev, for a user in no group:',
      'payroll in prod, for a user in no group:',
    ]);
  });

  test('--user-groups-file adds one group per line, so names may hold commas; --token keeps one token type', () => {
    const [json] = runPreview(
      [
        ...SOURCES,
        '--env',
        'prod',
        '--app',
        'hr-portal',
        '--groups',
        'HR Business Partners',
        '--user-groups-file',
        'alice.txt',
        '--token',
        'access',
        '--json',
      ],
      {
        readText: (path) => (path === 'alice.txt' ? 'Payroll Users\nSmith, Jones & Co\n' : ''),
      },
    );
    const [result] = JSON.parse(json);
    expect(result.memberships).toEqual(['HR Business Partners', 'Payroll Users', 'Smith, Jones & Co']);
    expect(result.claims.map((c: { token: string }) => c.token)).toEqual(['access', 'access', 'access']);
    expect(result.claims[0]).toMatchObject({
      server: 'default',
      claim: 'groups',
      outcome: { kind: 'value', groups: [{ value: 'HR Business Partners' }, { value: 'Payroll Users' }] },
    });
  });

  test('--group answers the reverse question for one environment', () => {
    const text = preview('--group', 'Équipe Finance', '--env', 'prod', '--token', 'id').join('\n');
    expect(text).toContain('"Équipe Finance" would be carried, in prod, by:');
    expect(text).toContain('prod expenses: org server ID token');
    expect(text).toContain('groups = [<ID of "Équipe Finance">]');
    expect(text).not.toContain('access token');
  });

  test.each([
    [['--env', 'stage', '--app', 'payroll'], /--env must be one of dev, prod, but got "stage"/],
    [
      ['--env', 'prod', '--app', 'payrol'],
      /--app must be .* one of expenses, hr-portal, it-tools, partner-dashboard, payroll, but got "payrol" \(did you mean "payroll"\?\)/,
    ],
    [
      ['--env', 'dev', '--app', 'partner-dashboard'],
      /app "partner-dashboard" is not managed in environment "dev" .*: it is managed in prod; pick one of those with --env/,
    ],
    [['--app', 'payroll', '--group', 'HR'], /give exactly one of --app .* or --group .*, but got both/],
    [[], /but got neither/],
    [['--app', 'payroll', '--token', 'refresh'], /--token must be "id" or "access", but got "refresh"/],
    [['--app', 'payroll', '--user-groups-file', '/nonexistent/alice.txt'], /cannot read --user-groups-file "\/nonexistent\/alice.txt"/],
    [
      ['--app', 'payroll', '--user-groups-file', '/dev/zero'],
      /cannot read --user-groups-file "\/dev\/zero": it must be a regular file, but it is a device/,
    ],
  ])('%j fails with a message that says what exists', (argv, message) => {
    expect(() => preview(...argv)).toThrow(message);
  });

  test('invalid files stop preview with their problems, like validate', () => {
    expect(() => runPreview(['--dir', join(ROOT, 'no-such-folder'), '--app', 'payroll'])).toThrow(/cannot read the allow-lists folder/);
  });
});

test('npm run preview end to end: text on stdout, exit 0; unknown environment exits 2', () => {
  const cli = (args: string[]) => execFileSync('npx', ['tsx', 'cli/preview.ts', ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
  expect(cli(['--env', 'prod', '--app', 'partner-dashboard', '--groups', 'Partner Support'])).toContain(
    'partner_groups = ["Partner Support"]',
  );
  expect(() => cli(['--env', 'qa', '--app', 'payroll'])).toThrow(
    expect.objectContaining({ status: 2, stderr: expect.stringContaining('error: --env must be one of dev, prod, but got "qa"') }),
  );
});
