import fs from 'node:fs';
import { refusedByProject } from '../../lib/adopt/write-files';
import { AllowlistFileData } from '../../lib/model/allowlist-file';
import { allowlist, writeProject } from '../helpers/fixture';

describe('refusedByProject', () => {
  test('refuses a new file the project would reject, beside the existing ones, without writing anything', () => {
    const fixture = writeProject({ 'payroll.json': allowlist() });
    const made = jest.spyOn(fs, 'mkdtempSync');
    try {
      const refused = refusedByProject(
        [
          { key: 'hr', file: allowlist({ owners: ['@acme/hr'] }) as unknown as AllowlistFileData },
          { key: 'bad', file: allowlist({ owners: ['not a team'] }) as unknown as AllowlistFileData },
        ],
        fixture,
      );
      expect([...refused.keys()]).toEqual(['bad']);
      expect(refused.get('bad')).toEqual([expect.stringMatching(/^owners\[0\] must be a GitHub user or team/)]);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
    expect(fs.readdirSync(fixture.allowlistsDir)).toEqual(['payroll.json']);
  });
});
