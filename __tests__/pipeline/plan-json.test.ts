import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanJson, summarizePlan } from '../../lib/pipeline/plan-json';

const fixture = (name: string) => {
  const file = join(__dirname, 'fixtures', name);
  return parsePlanJson(readFileSync(file, 'utf8'), file);
};

describe('plan JSON summary', () => {
  test('replace and destroy are counted apart and named as app teams know them; data reads are ignored', () => {
    const summary = summarizePlan(fixture('plan-destructive.json'));
    expect(summary.counts).toEqual({ import: 0, add: 0, change: 1, replace: 1, destroy: 1, forget: 0 });
    expect(summary.dangerous).toEqual([
      { address: 'okta_app_oauth.payroll', action: 'replace', description: 'Okta app "Payroll Portal" (okta_app_oauth.payroll)' },
      {
        address: 'okta_auth_server_claim.default_access_groups',
        action: 'destroy',
        description:
          'claim "groups" (access token) on authorization server default, used by every app on that server (okta_auth_server_claim.default_access_groups)',
      },
    ]);
  });

  test('imports count even when they also update, forgets and creates are counted, no-ops are not', () => {
    const summary = summarizePlan(fixture('plan-import.json'));
    expect(summary.counts).toEqual({ import: 1, add: 1, change: 1, replace: 0, destroy: 0, forget: 1 });
    expect(summary.dangerous).toEqual([]);
  });

  test('a file that is not plan JSON is refused with the command that makes one', () => {
    expect(() => parsePlanJson('Terraform will perform the following actions', 'plan.txt')).toThrow(
      /plan\.txt must be the output of `terraform show -json <planfile>`/,
    );
    expect(() => parsePlanJson('{"format_version":"2.0"}', 'x.json')).toThrow(/format_version 1\.x, but got "2\.0"/);
  });
});
