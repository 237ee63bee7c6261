import { allowlist, projectOf } from '../helpers/fixture';

const onDefault = (changes: Record<string, unknown>) =>
  allowlist({ owners: ['@acme/payroll'], claims: [{ server: 'default', token: 'access' }], ...changes });

describe('planServerAccess', () => {
  test('a renamed app is looked up under its new key, then its old ones; a moving app in its new shard, then its old one', () => {
    const [dev] = projectOf({
      'b.json': onDefault({ previousKeys: ['a'] }),
      'c.json': onDefault({ shard: 'payments', previousShard: 'payroll' }),
    }).plans;
    const [access] = dev.serverAccess;
    expect(access.apps.map(({ key, keys, shards }) => ({ key, keys, shards }))).toEqual([
      { key: 'b', keys: ['b', 'a'], shards: ['payroll'] },
      { key: 'c', keys: ['c'], shards: ['payments', 'payroll'] },
    ]);
  });
});
