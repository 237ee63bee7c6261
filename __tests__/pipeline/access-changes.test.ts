import { environmentOf } from '../../lib/model/environment';
import { EnvironmentData } from '../../lib/model/environments-file';
import { accessOfChanges } from '../../lib/pipeline/access-changes';
import { allowlistChanges } from '../../lib/pipeline/allowlist-changes';
import { AppSnapshot, snapshotOf } from '../../lib/pipeline/allowlist-snapshot';
import { renderPlanComment } from '../../lib/pipeline/comment';
import { allowlist } from '../helpers/fixture';

const settings = environmentOf('dev', {
  orgName: 'acme',
  baseUrl: 'okta.com',
  auth: { method: 'api_token' },
  backend: { type: 'local' },
  authorizationServers: { default: { id: 'default', manageGroupsScope: true, access: { mode: 'managed' } } },
} as EnvironmentData);

const snapshots = (files: Record<string, Record<string, unknown>>): Map<string, AppSnapshot> =>
  new Map(Object.entries(files).map(([key, data]) => [key, snapshotOf(key, `allowlists/${key}.json`, JSON.stringify(data))]));
const onDefault = (changes: Record<string, unknown> = {}) =>
  allowlist({ claims: [{ server: 'default', token: 'access', scopes: ['groups'] }], ...changes });

function comment(base: Map<string, AppSnapshot>, head: Map<string, AppSnapshot>): string {
  const changes = allowlistChanges(base, head, 'dev');
  return renderPlanComment({
    environment: 'dev',
    marker: '<!-- m -->',
    changes,
    access: accessOfChanges(changes, base, head, settings, 'dev'),
  });
}

describe('access in the PR comment', () => {
  test('a new app on a managed server gets tokens only after the next apply, said under the app and in an important note', () => {
    const body = comment(snapshots({}), snapshots({ payroll: onDefault() }));
    expect(body).toContain('> [!IMPORTANT]\n> **New apps get tokens from managed servers in `dev` only after a second apply**');
    expect(body).toMatch(
      /> - payroll: can get tokens from server "default": only after the next apply: the managed access policy "Allow-listed apps"/,
    );
    expect(body).toMatch(/\n {2}- can get tokens from server "default": only after the next apply/);
  });

  test('a changed app that exists says yes; an app newly importing says after the next apply', () => {
    const base = snapshots({ payroll: onDefault(), hr: onDefault() });
    const head = snapshots({
      payroll: onDefault({ allowlist: { groups: ['Payroll Admins'] } }),
      hr: onDefault({ app: { ...(allowlist().app as object), importIds: { dev: '0oa1' } } }),
    });
    const access = accessOfChanges(allowlistChanges(base, head, 'dev'), base, head, settings, 'dev');
    expect(Object.fromEntries([...access].map(([key, s]) => [key, s.map((x) => x.verdict)]))).toEqual({
      hr: ['after-next-apply'],
      payroll: ['yes'],
    });
  });

  test('an app retired with "forget" loses its managed server, loudly', () => {
    const body = comment(snapshots({ payroll: onDefault() }), snapshots({ payroll: onDefault({ retire: { dev: 'forget' } }) }));
    expect(body).toMatch(
      /> \[!CAUTION\][\s\S]*> - payroll: can get tokens from server "default": no: retired with "forget", so the managed access policy "Allow-listed apps" drops it/,
    );
    expect(body).not.toContain('[!IMPORTANT]');
  });

  test('deleted files and apps retired with "destroy" are left out', () => {
    const base = snapshots({ payroll: onDefault(), hr: onDefault() });
    const head = snapshots({ hr: onDefault({ retire: { dev: 'destroy' } }) });
    expect(accessOfChanges(allowlistChanges(base, head, 'dev'), base, head, settings, 'dev').size).toBe(0);
  });
});
