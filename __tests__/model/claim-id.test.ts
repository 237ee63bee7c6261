import { claimIdKey, claimIdOf, claimIdText, compareClaimIds } from '../../lib/model/claim-id';

describe('ClaimId', () => {
  test('claimIdOf applies the file defaults: the ID token and the name "groups"', () => {
    expect(claimIdOf({ server: 'default' })).toEqual({ server: 'default', token: 'id', name: 'groups' });
    expect(claimIdOf({ server: 'default', token: 'access', name: 'roles' })).toEqual({ server: 'default', token: 'access', name: 'roles' });
  });

  test('claimIdOf keeps only the identity of a larger claim', () => {
    expect(claimIdOf({ server: 'org', name: 'g', token: 'id', ...{ limit: 5 } })).toEqual({ server: 'org', token: 'id', name: 'g' });
  });

  test('the text form is server/token/name, as profiles and the managed_claims output hold it', () => {
    expect(claimIdText({ server: 'default', token: 'access', name: 'groups' })).toBe('default/access/groups');
  });

  test('the key round-trips to the same identity and tells apart identities whose text forms collide', () => {
    const id = claimIdOf({ server: 'default', token: 'access', name: 'a/b' });
    expect(JSON.parse(claimIdKey(id))).toEqual([id.server, id.token, id.name]);
    const slashedServer = { server: 'x/id/y', token: 'id', name: 'z' } as const;
    const slashedName = { server: 'x', token: 'id', name: 'y/id/z' } as const;
    expect(claimIdText(slashedServer)).toBe(claimIdText(slashedName));
    expect(claimIdKey(slashedServer)).not.toBe(claimIdKey(slashedName));
    expect(claimIdKey(claimIdOf({ server: 's' }))).toBe(claimIdKey({ server: 's', token: 'id', name: 'groups' }));
  });

  test('claims sort by server, then token, then name', () => {
    const ids = [
      { server: 'default', token: 'id', name: 'a' },
      { server: 'b', token: 'id', name: 'z' },
      { server: 'default', token: 'access', name: 'z' },
      { server: 'default', token: 'access', name: 'b' },
    ] as const;
    expect([...ids].sort(compareClaimIds).map(claimIdText)).toEqual(['b/id/z', 'default/access/b', 'default/access/z', 'default/id/a']);
  });
});
