import { findOrphans } from '../../lib/orphans/find-orphans';
import { OktaApp } from '../../lib/orphans/okta-apps';
import { markdownReport, removalSteps, textReport } from '../../lib/orphans/report';

const app = (id: string, label: string, profile?: unknown): OktaApp => ({
  id,
  label,
  status: 'ACTIVE',
  created: `2024-01-0${id.slice(-1)}T00:00:00.000Z`,
  clientId: `client-${id}`,
  profile,
});
const managed = {
  keysByLabel: new Map([
    ['Payroll Portal', ['payroll']],
    ['HR', ['hr']],
  ]),
  importIds: new Set(['0oa7']),
};

describe('findOrphans', () => {
  const apps = [
    app('0oa1', 'Payroll Portal', { groupallowlist: ['00g1'] }),
    app('0oa2', 'Payroll Portal', '{"groupallowlist":["00g1"]}'),
    app('0oa3', 'HR'),
    app('0oa4', "Someone else's app"),
    app('0oa7', 'HR'),
  ];
  const orphans = findOrphans(apps, managed, new Set(['0oa1']));

  test('a managed label whose ID no state holds is an orphan; other apps, state apps and adopted apps are not', () => {
    expect(orphans.map((o) => o.id)).toEqual(['0oa3', '0oa2']);
  });
  test("says which state app it duplicates, and whether its profile carries this repository's keys", () => {
    expect(orphans.find((o) => o.id === '0oa2')).toMatchObject({ duplicateOf: '0oa1', profileMarked: true, keys: ['payroll'] });
    expect(orphans.find((o) => o.id === '0oa3')).toMatchObject({ duplicateOf: undefined, profileMarked: false, keys: ['hr'] });
  });

  test('the report names label, ID and created time and the safe removal: check use, deactivate, delete, never automatic', () => {
    const text = textReport('dev', orphans, 'https://acme.okta.com', true).join('\n');
    expect(text).toMatch(/ORPHANED OKTA APPS in dev: 2 app\(s\)/);
    expect(text).toMatch(
      /::error title=Orphaned Okta app in dev::"Payroll Portal" 0oa2 \(ACTIVE, created 2024-01-02T00:00:00.000Z, client_id client-0oa2\)/,
    );
    const steps = removalSteps(orphans[1], 'https://acme.okta.com');
    expect(steps[0]).toMatch(/client_id client-0oa2/);
    expect(steps[1]).toMatch(/POST https:\/\/acme\.okta\.com\/api\/v1\/apps\/0oa2\/lifecycle\/deactivate/);
    expect(steps[2]).toMatch(/DELETE https:\/\/acme\.okta\.com\/api\/v1\/apps\/0oa2/);
    expect(steps[3]).toMatch(/Never remove the app the state holds \(0oa1\)/);
    expect(markdownReport('dev', orphans, 'https://acme.okta.com')).toMatch(/\| Payroll Portal \| `0oa2` \| ACTIVE \|/);
  });

  test('no orphan: one quiet line', () => {
    expect(textReport('dev', [], 'https://x', false)).toEqual([
      'No orphaned Okta apps in dev: every app labelled like an allow-list file is in a state.',
    ]);
    expect(markdownReport('dev', [], 'https://x')).toMatch(/None/);
  });
});
