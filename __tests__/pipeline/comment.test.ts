import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentMarker, renderPlanComment } from '../../lib/pipeline/comment';
import { GITHUB_BODY_LIMIT, utf8Length } from '../../lib/pipeline/markdown';
import { parsePlanJson, summarizePlan } from '../../lib/pipeline/plan-json';

const plan = (name: string) => summarizePlan(parsePlanJson(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), name));
const marker = commentMarker('plan', 'prod');
const stack = (name: string, fixture: string, planText?: string) => ({ stack: name, plan: plan(fixture), planText });

describe('PR comment', () => {
  test('starts with the hidden marker that finds it again, and shows the counts', () => {
    const body = renderPlanComment({ environment: 'prod', marker, stacks: [stack('prod--payroll', 'plan-import.json')], changes: [] });
    expect(body.startsWith('<!-- okta-groups-claims:plan:prod -->\n## Okta plan: `prod`')).toBe(true);
    expect(body).toContain(
      '| Stack | Import | Add | Change | Replace | Destroy | Forget |\n|---|---:|---:|---:|---:|---:|---:|\n| `prod--payroll` | 1 | 1 | 1 | 0 | 0 | 1 |',
    );
    expect(body).toContain('No allow-list file changed for this environment.');
    expect(body).not.toContain('[!CAUTION]');
  });

  test('a destroying or replacing plan gets a loud caution block naming the Okta app and claim', () => {
    const body = renderPlanComment({ environment: 'prod', marker, stacks: [stack('prod--payroll', 'plan-destructive.json')] });
    const caution = body.slice(body.indexOf('> [!CAUTION]'), body.indexOf('### Terraform'));
    expect(caution).toContain(
      '> - prod--payroll: REPLACES (deletes, then creates anew) Okta app "Payroll Portal" (okta\\_app\\_oauth.payroll)',
    );
    expect(caution).toContain('> - prod--payroll: DELETES claim "groups" (access token) on authorization server default');
  });

  test('an owner change on an existing app is in the caution block, for the platform team', () => {
    const body = renderPlanComment({
      environment: 'prod',
      marker,
      changes: [
        { key: 'payroll', kind: 'changed', details: [], warnings: [], tokens: [], owners: { added: ['@acme/intruders'], removed: [] } },
      ],
    });
    const caution = body.slice(body.indexOf('> [!CAUTION]'), body.indexOf('### Allow-list changes'));
    expect(caution).toContain('changes who owns an app');
    expect(caution).toContain('> - owners of "payroll" changed (added: &#64;acme/intruders; removed: none): the platform team must review');
  });

  test('names from files cannot inject Markdown, HTML or mentions', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      changes: [
        {
          key: 'x',
          kind: 'changed',
          details: ['groups added: "<img src=x> @acme/admins *bold* [link](http://e)"'],
          warnings: [],
          tokens: [],
        },
      ],
    });
    expect(body).toContain('&lt;img src=x&gt; &#64;acme/admins \\*bold\\* \\[link\\](http://e)');
  });

  test('a skipped plan says why instead of showing counts', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      planSkipped: 'pull requests from forks get no Okta credentials.',
      stacks: [{ stack: 'dev--payroll', planText: 'ignored' }],
    });
    expect(body).toContain('> [!NOTE]\n> The Terraform plan was skipped: pull requests from forks get no Okta credentials.');
    expect(body).not.toContain('<details>');
  });

  test('policy warnings and suppressions with their reasons get their own section', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      policy: {
        warnings: [{ file: 'allowlists/a.json', line: 3, column: 1, message: 'owns too many apps', level: 'warning', rule: 'OKTA-O1' }],
        suppressions: [
          { app: 'b', file: 'allowlists/b.json', line: 30, rule: 'OKTA-C2', reason: 'Helpdesk staff are in *many* groups', silenced: 2 },
          { app: 'c', file: 'allowlists/c.json', line: 9, rule: 'OKTA-O1', reason: 'agreed in SEC-1', silenced: 0 },
        ],
      },
    });
    expect(body).toContain(
      '### Policy\n\n- warning `OKTA-O1` (Maximum apps per owner) allowlists/a.json:3: owns too many apps\n\nSuppressions (each file exempts itself from a rule, for the reason given):\n' +
        '- `OKTA-C2` (Maximum claim limit) in allowlists/b.json:30 (silences 2 finding(s)): Helpdesk staff are in \\*many\\* groups\n' +
        '- `OKTA-O1` (Maximum apps per owner) in allowlists/c.json:9 (silences nothing any more: remove it): agreed in SEC-1',
    );
  });

  test('a project that does not load says the guardrails could not be checked, naming the rules that failed', () => {
    const body = renderPlanComment({ environment: 'dev', marker, policy: { warnings: [], suppressions: [], problemsPreventingLoad: 3 } });
    expect(body).toContain(
      '### Policy\n\nThe allow lists do not load at this commit (3 problem(s)), so the guardrails could not be checked',
    );
    const policy = { warnings: [], suppressions: [], problemsPreventingLoad: 3, rulesPreventingLoad: ['OKTA-G3', 'claims-are-unique'] };
    expect(renderPlanComment({ environment: 'dev', marker, policy })).toContain(
      '(3 problem(s); rules that found them: `OKTA-G3` (Maximum groups per allow list), `claims-are-unique` (Each claim once per file)), so',
    );
  });

  test('an oversized plan is cut after a whole line, outside the fence, under the limit, with a note', () => {
    const line = (i: number) => `  # okta_app_oauth.app_${i} will be updated in-place ~ label = "Équipe ${i} 🚀" \`\`\``;
    const planText = Array.from({ length: 5000 }, (_, i) => line(i)).join('\n') + '\n';
    const body = renderPlanComment({
      environment: 'prod',
      marker,
      stacks: [stack('prod--payroll', 'plan-import.json', planText)],
      fullPlanLocation: 'the plan-{stack} artifact',
    });
    expect(utf8Length(body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(utf8Length(body)).toBeGreaterThan(GITHUB_BODY_LIMIT - 2000);
    const fence = '````';
    const code = body.slice(body.indexOf(`${fence}text\n`) + fence.length + 5, body.lastIndexOf(`\n${fence}`));
    const lines = code.split('\n');
    lines.forEach((l, i) => expect(l).toBe(line(i)));
    expect(body).toMatch(
      new RegExp(
        `\\n${fence}\\n\\n\\*\\*The plan was cut here\\*\\*: ${lines.length} of 5001 lines shown, .*The full plan is in the plan-prod--payroll artifact\\.\\n</details>$`,
      ),
    );
  });

  test('a plan that fits is shown whole, without a note', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      stacks: [stack('dev--payroll', 'plan-no-changes.json', 'No changes.\n')],
    });
    expect(body).toContain('No changes: Okta already matches the allow lists.');
    expect(body).toContain('<details><summary>Full Terraform plan of dev--payroll</summary>\n\n```text\nNo changes.\n```\n</details>');
    expect(body).not.toContain('cut here');
  });

  describe('several stacks', () => {
    const reason = 'its Terraform changes';
    const body = renderPlanComment({
      environment: 'prod',
      marker,
      stacks: [
        { ...stack('prod--payroll', 'plan-destructive.json'), reason },
        { ...stack('prod--shared', 'plan-import.json'), reason: 'a new stack' },
        { stack: 'prod--people-systems', reason },
      ],
      skipped: [
        { environment: 'prod', stack: 'prod--finance-apps', reason: 'its Terraform is unchanged by this pull request' },
        { environment: 'prod', stack: 'prod--it-operations', reason: 'its Terraform is unchanged by this pull request' },
      ],
    });

    test('lists each planned stack with its counts and reason, then the totals', () => {
      expect(body).toContain('Planned 3 stack(s), skipped 2.');
      expect(body).toContain(
        [
          '| Stack | Import | Add | Change | Replace | Destroy | Forget | Why planned |',
          '|---|---:|---:|---:|---:|---:|---:|---|',
          '| `prod--payroll` | 0 | 0 | 1 | 1 | 1 | 0 | its Terraform changes |',
          '| `prod--shared` | 1 | 1 | 1 | 0 | 0 | 1 | a new stack |',
          '| `prod--people-systems` **(plan failed)** | – | – | – | – | – | – | its Terraform changes |',
          '| **Total** | **1** | **1** | **2** | **1** | **1** | **1** |  |',
        ].join('\n'),
      );
      expect(body).toContain('**1 plan(s) failed or did not run**');
    });

    test('lists the skipped stacks with the reason they were skipped', () => {
      expect(body).toContain(
        'Skipped 2 stack(s):\n- its Terraform is unchanged by this pull request: `prod--finance-apps`, `prod--it-operations`',
      );
    });

    test('names the stack of every destructive change', () => {
      const caution = body.slice(body.indexOf('> [!CAUTION]'), body.indexOf('### Terraform'));
      expect(caution.match(/^> - prod--payroll: /gm)).toHaveLength(2);
      expect(caution).not.toContain('prod--shared');
    });

    test('an environment with nothing planned says so and still lists what was skipped', () => {
      const quiet = renderPlanComment({
        environment: 'dev',
        marker,
        stacks: [],
        skipped: [{ environment: 'dev', stack: 'dev--payroll', reason: 'unchanged' }],
      });
      expect(quiet).toContain('No stack of `dev` is planned.\n\nSkipped 1 stack(s):\n- unchanged: `dev--payroll`');
      expect(quiet).not.toContain('| Stack |');
    });

    test('large plans share the size limit: small ones show whole, every block is closed, the body fits', () => {
      const big = (name: string) =>
        Array.from({ length: 3000 }, (_, i) => `  # okta_app_oauth.${name}_${i} will be updated in-place`).join('\n');
      const stacks = [
        stack('prod--a', 'plan-import.json', big('a')),
        stack('prod--small', 'plan-no-changes.json', 'No changes.\n'),
        stack('prod--b', 'plan-import.json', big('b')),
      ];
      const large = renderPlanComment({ environment: 'prod', marker, stacks, fullPlanLocation: 'the plan-{stack} artifact' });
      expect(utf8Length(large)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(utf8Length(large)).toBeGreaterThan(GITHUB_BODY_LIMIT - 3000);
      expect(large).toContain('<summary>Full Terraform plan of prod--small</summary>\n\n```text\nNo changes.\n```\n</details>');
      expect(large.match(/<details>/g)).toHaveLength(3);
      expect(large.match(/<\/details>/g)).toHaveLength(3);
      expect(large).toContain('The full plan is in the plan-prod--a artifact.');
      expect(large).toContain('The full plan is in the plan-prod--b artifact.');
      expect(large.indexOf('plan of prod--a')).toBeLessThan(large.indexOf('plan of prod--small'));
    });
  });
});
