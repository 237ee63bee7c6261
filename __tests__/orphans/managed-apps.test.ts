import { loadProject } from '../../lib/load/load-project';
import { managedApps } from '../../lib/orphans/managed-apps';
import { allowlist, writeProject } from '../helpers/fixture';

describe('managedApps', () => {
  test('labels of the apps in the environment, without retired ones; importIds are known apps', () => {
    const fixture = writeProject({
      'a.json': allowlist({
        app: {
          label: 'Alpha',
          type: 'web',
          redirectUris: ['https://a.example.com/cb'],
          grantTypes: ['authorization_code'],
          importIds: { dev: '0oa1b2c3d4e5f6g7h8i9' },
        },
      }),
      'b.json': allowlist({
        app: { label: 'Beta', type: 'web', redirectUris: ['https://b.example.com/cb'], grantTypes: ['authorization_code'] },
        retire: { dev: 'forget' },
      }),
    });
    const { project, problems } = loadProject(fixture);
    expect(problems).toEqual([]);
    const managed = managedApps(project!, 'dev');
    expect([...managed.keysByLabel.entries()]).toEqual([['Alpha', ['a']]]);
    expect([...managed.importIds]).toEqual(['0oa1b2c3d4e5f6g7h8i9']);
    expect(() => managedApps(project!, 'qa')).toThrow(/unknown environment "qa"/);
  });
});
