import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commentMarker, renderPlanComment } from '../../lib/pipeline/comment';
import { GITHUB_BODY_LIMIT, utf8Length } from '../../lib/pipeline/markdown';
import { parsePlanJson, summarizePlan } from '../../lib/pipeline/plan-json';

const plan = (name: string) => summarizePlan(parsePlanJson(readFileSync(join(__dirname, 'fixtures', name), 'utf8'), name));
const marker = commentMarker('plan', 'prod');

describe('PR comment', () => {
  test('starts with the hidden marker that finds it again, and shows the counts', () => {
    const body = renderPlanComment({ environment: 'prod', marker, plan: plan('plan-import.json'), changes: [] });
    expect(body.startsWith('<!-- okta-groups-claims:plan:prod -->\n## Okta plan: `prod`')).toBe(true);
    expect(body).toContain('| Import | Add | Change | Replace | Destroy | Forget |\n|---:|---:|---:|---:|---:|---:|\n| 1 | 1 | 1 | 0 | 0 | 1 |');
    expect(body).toContain('No allow-list file changed for this environment.');
    expect(body).not.toContain('[!CAUTION]');
  });

  test('a destroying or replacing plan gets a loud caution block naming the Okta app and claim', () => {
    const body = renderPlanComment({ environment: 'prod', marker, plan: plan('plan-destructive.json') });
    const caution = body.slice(body.indexOf('> [!CAUTION]'), body.indexOf('### Terraform'));
    expect(caution).toContain('> - REPLACES (deletes, then creates anew) Okta app "Payroll Portal" (okta\\_app\\_oauth.payroll)');
    expect(caution).toContain('> - DELETES claim "groups" (access token) on authorization server default');
  });

  test('names from files cannot inject Markdown, HTML or mentions', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      changes: [{ key: 'x', kind: 'changed', details: ['groups added: "<img src=x> @acme/admins *bold* [link](http://e)"'], warnings: [], tokens: [] }],
    });
    expect(body).toContain('&lt;img src=x&gt; &#64;acme/admins \\*bold\\* \\[link\\](http://e)');
  });

  test('a skipped plan says why instead of showing counts', () => {
    const body = renderPlanComment({ environment: 'dev', marker, planSkipped: 'pull requests from forks get no Okta credentials.', planText: 'ignored' });
    expect(body).toContain('> [!NOTE]\n> The Terraform plan was skipped: pull requests from forks get no Okta credentials.');
    expect(body).not.toContain('<details>');
  });

  test('policy findings get their own section, errors first', () => {
    const body = renderPlanComment({
      environment: 'dev',
      marker,
      policy: [
        { file: 'allowlists/a.json', line: 3, column: 1, message: 'broad pattern', level: 'warning', rule: 'OKTA-G1' },
        { file: 'allowlists/b.json', line: 7, column: 2, message: 'too many groups', rule: 'OKTA-S1' },
      ],
    });
    expect(body).toContain('### Policy\n\n- **error** `OKTA-S1` allowlists/b.json:7: too many groups\n- warning `OKTA-G1` allowlists/a.json:3: broad pattern');
  });

  test('an oversized plan is cut after a whole line, outside the fence, under the limit, with a note', () => {
    const line = (i: number) => `  # okta_app_oauth.app_${i} will be updated in-place ~ label = "Équipe ${i} 🚀" \`\`\`` ;
    const planText = Array.from({ length: 5000 }, (_, i) => line(i)).join('\n') + '\n';
    const body = renderPlanComment({ environment: 'prod', marker, plan: plan('plan-import.json'), planText, fullPlanLocation: 'the plan-prod artifact' });
    expect(utf8Length(body)).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(utf8Length(body)).toBeGreaterThan(GITHUB_BODY_LIMIT - 2000);
    const fence = '````';
    const code = body.slice(body.indexOf(`${fence}text\n`) + fence.length + 5, body.lastIndexOf(`\n${fence}`));
    const lines = code.split('\n');
    lines.forEach((l, i) => expect(l).toBe(line(i)));
    expect(body).toMatch(new RegExp(`\\n${fence}\\n\\n\\*\\*The plan was cut here\\*\\*: ${lines.length} of 5001 lines shown, .*The full plan is in the plan-prod artifact\\.\\n</details>$`));
  });

  test('a plan that fits is shown whole, without a note', () => {
    const body = renderPlanComment({ environment: 'dev', marker, plan: plan('plan-no-changes.json'), planText: 'No changes.\n' });
    expect(body).toContain('No changes: Okta already matches the allow lists.');
    expect(body).toContain('<details><summary>Full Terraform plan</summary>\n\n```text\nNo changes.\n```\n</details>');
    expect(body).not.toContain('cut here');
  });
});
