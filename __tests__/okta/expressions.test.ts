import { allowlistOf } from '../../lib/model/app';
import { literal, orgClaimExpression, sharedClaimExpression } from '../../lib/okta/expressions';

describe('Okta expressions', () => {
  const staticList = { kind: 'static', groups: ['A', 'B'] } as const;
  const dynamicList = { kind: 'dynamic', match: 'startsWith', pattern: 'IT-', source: 'OKTA' } as const;

  test('an org-server claim filters the app profile with the limit written in, as Okta documents it', () => {
    expect(orgClaimExpression(staticList, 'name', 2)).toBe('getFilteredGroups(app.profile.groupallowlist, "group.name", 2)');
    expect(orgClaimExpression(staticList, 'id', 7)).toBe('getFilteredGroups(app.profile.groupallowlist, "group.id", 7)');
  });

  test('a dynamic org-server claim uses the legacy group function', () => {
    expect(orgClaimExpression(dynamicList, 'name', 10)).toBe('Groups.startsWith("OKTA", "IT-", 10)');
  });

  test('a shared static claim serves only apps that asked for it by its identity, each with its own limit', () => {
    const value = sharedClaimExpression('default/access/groups', staticList, 'name', 2);
    expect(value).toBe(
      'app.profile.groupallowlistclaims == null ? {} : (Arrays.contains(app.profile.groupallowlistclaims, "default/access/groups") ? ' +
        'getFilteredGroups(app.profile.groupallowlist, "group.name", app.profile.groupallowlistlimit == null ? 100 : app.profile.groupallowlistlimit) : {})',
    );
    // The limit of one app must never be baked into a claim that serves every app on the server.
    expect(value).not.toContain(', 2)');
  });

  test('a shared dynamic claim serves only apps that asked for it by its identity', () => {
    expect(sharedClaimExpression('default/access/it_groups', dynamicList, 'name', 10)).toBe(
      'app.profile.groupallowlistclaims == null ? {} : (Arrays.contains(app.profile.groupallowlistclaims, "default/access/it_groups") ? Groups.startsWith("OKTA", "IT-", 10) : {})',
    );
  });

  test.each(['a"b', 'a\\b', 'a\nb', 'a\u0000b'])('refuses to place %p in an expression string', (text) => {
    expect(() => literal(text)).toThrow(/refusing to place .* in an Okta expression/);
  });

  test('keeps non-ASCII and single quotes, which need no escape', () => {
    expect(literal("Équipe d'IT")).toBe('"Équipe d\'IT"');
  });

  test('allowlistOf defaults the dynamic source to OKTA', () => {
    const data = { allowlist: { endsWith: '-admins' } } as Parameters<typeof allowlistOf>[0];
    expect(allowlistOf(data)).toEqual({ kind: 'dynamic', match: 'endsWith', pattern: '-admins', source: 'OKTA' });
  });
});
