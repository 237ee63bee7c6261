import { JsonDocument } from '../../lib/load/json-document';
import { AllowlistFileData } from '../../lib/model/allowlist-file';
import { AppModel, appModelOf } from '../../lib/model/app';
import { environmentsModelOf } from '../../lib/model/environment';
import { EnvironmentsFileData } from '../../lib/model/environments-file';
import { allowlist, environments } from '../helpers/fixture';

function appOf(changes: Record<string, unknown> = {}, shardBy?: 'single'): AppModel {
  const { document } = JsonDocument.parse('a.json', `${JSON.stringify(allowlist(changes), null, 2)}\n`);
  const file = { ...environments(), ...(shardBy && { shardBy }) } as unknown as EnvironmentsFileData;
  return appModelOf({ key: 'a', document: document!, data: document!.value as AllowlistFileData }, environmentsModelOf(file));
}

describe('claim sources', () => {
  test('a claim that leaves its settings out says each is a default, pointing where it would be written', () => {
    const [org] = appOf({ claims: [{ server: 'org' }] }).claims;
    expect(org).toMatchObject({ name: 'groups', token: 'id', limit: 2, alwaysIncludeInToken: true });
    expect(org.sources).toEqual({
      name: { given: false, path: ['claims', 0, 'name'] },
      token: { given: false, path: ['claims', 0, 'token'] },
      limit: { given: false, path: ['claims', 0, 'limit'] },
      scopes: { given: false, path: ['claims', 0, 'scopes'] },
      alwaysIncludeInToken: { given: false, path: ['claims', 0, 'alwaysIncludeInToken'] },
    });
  });

  test('written settings are given, at their place in the file', () => {
    const claims = [
      { server: 'org' },
      { server: 'default', name: 'roles', token: 'access', limit: 5, scopes: ['groups'], alwaysIncludeInToken: false },
    ];
    const [, custom] = appOf({ claims }).claims;
    expect(Object.values(custom.sources).every((s) => s.given)).toBe(true);
    expect(custom.sources.limit.path).toEqual(['claims', 1, 'limit']);
    // The model keeps what the file says, so the rule access-claims-are-always-included can refuse it.
    expect(custom.alwaysIncludeInToken).toBe(false);
  });

  test("a default's message lands on the claim: the nearest part of the file that exists", () => {
    const app = appOf({ claims: [{ server: 'org' }] });
    const [org] = app.claims;
    expect(app.document.locate(org.sources.limit.path)).toEqual(app.document.locate(org.path));
  });
});

describe('app sources', () => {
  test('a file without "environments", "shard" or "app.refreshToken" says they are defaults', () => {
    const { sources, environments: deployed } = appOf();
    expect(deployed).toEqual(['dev', 'prod']);
    expect(sources.environments).toEqual({ given: false, path: ['environments'] });
    expect(sources.refreshToken).toEqual({ given: false, path: ['app', 'refreshToken'] });
  });

  test('a shard derived from the first owner points at that owner; a written one at "shard"', () => {
    expect(appOf().sources.shard).toEqual({ given: false, path: ['owners', 0] });
    expect(appOf({ shard: 'payments' }).sources.shard).toEqual({ given: true, path: ['shard'] });
  });

  test('given environments and refresh-token settings are given', () => {
    const app = appOf({
      environments: ['dev'],
      app: { ...(allowlist().app as object), grantTypes: ['authorization_code', 'refresh_token'], refreshToken: { rotation: 'ROTATE' } },
    });
    expect([app.sources.environments.given, app.sources.refreshToken.given]).toEqual([true, true]);
  });

  test('suppressions default to none', () => {
    expect(appOf().suppressions).toEqual([]);
    const suppressions = [{ rule: 'OKTA-G2', reason: 'Agreed with the platform team in SEC-1' }];
    expect(appOf({ suppressions }).suppressions).toEqual(suppressions);
  });
});

describe('assignments', () => {
  test('left out, assignments are not managed here', () => {
    expect(appOf().assignments).toBeUndefined();
  });

  test('listed groups are assigned; fromAllowlist assigns the static allow list', () => {
    expect(appOf({ assignments: { groups: ['Everyone'] } }).assignments).toEqual({
      groups: ['Everyone'],
      fromAllowlist: false,
      assigned: ['Everyone'],
    });
    expect(appOf({ assignments: { fromAllowlist: true } }).assignments).toEqual({
      fromAllowlist: true,
      assigned: ['Payroll Admins', 'Payroll Users'],
    });
  });

  test('fromAllowlist with a dynamic list assigns nothing (the rule assignments-are-valid refuses it)', () => {
    const app = appOf({ allowlist: { startsWith: 'Payroll ' }, assignments: { fromAllowlist: true } });
    expect(app.assignments?.assigned).toBeUndefined();
  });
});
