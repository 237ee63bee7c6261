import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotOf } from '../../lib/pipeline/allowlist-snapshot';
import { allowlistsInFolder } from '../../lib/pipeline/git-allowlists';
import { ownerChangeWarnings } from '../../lib/pipeline/owner-changes';
import { allowlistFile } from './temp-git-repo';

const snapshots = (files: Record<string, unknown>) =>
  new Map(Object.entries(files).map(([key, data]) => [key, snapshotOf(key, `allowlists/${key}.json`, JSON.stringify(data, null, 2))]));

test('an existing app whose owners change gets a warning at its "owners" line, naming who was added and removed', () => {
  const base = snapshots({ payroll: allowlistFile(), hr: allowlistFile() });
  const head = snapshots({
    payroll: allowlistFile({ owners: ['@acme/payroll', '@acme/intruders'] }),
    hr: allowlistFile({ app: { label: 'HR' } }),
    it: allowlistFile(),
  });
  expect(ownerChangeWarnings(base, head)).toEqual([
    {
      file: 'allowlists/payroll.json',
      line: 2,
      column: 3,
      level: 'warning',
      rule: 'Owner change',
      message:
        'owners of "payroll" changed (added: @acme/intruders; removed: none): the platform team must review, because the policy trusts the owners (OKTA-G1, OKTA-G2) and CODEOWNERS is read from the base branch',
    },
  ]);
});

test('a renamed app is compared with its previous key', () => {
  const base = snapshots({ payroll: allowlistFile() });
  const head = snapshots({ 'payroll-portal': allowlistFile({ previousKeys: ['payroll'], owners: ['@acme/other'] }) });
  const [warning] = ownerChangeWarnings(base, head);
  expect(warning.file).toBe('allowlists/payroll-portal.json');
  expect(warning.message).toMatch(/^owners of "payroll-portal" changed \(added: @acme\/other; removed: @acme\/payroll\)/);
});

test('the working tree is read as it is on disk, and a missing folder holds no apps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'owners-'));
  try {
    mkdirSync(join(dir, 'allowlists'));
    writeFileSync(join(dir, 'allowlists', 'payroll.json'), JSON.stringify(allowlistFile({ owners: ['@acme/other'] })));
    writeFileSync(join(dir, 'allowlists', 'schema.json'), '{}');
    const onDisk = allowlistsInFolder(join(dir, 'allowlists'));
    expect([...onDisk.keys()]).toEqual(['payroll']);
    expect(ownerChangeWarnings(snapshots({ payroll: allowlistFile() }), onDisk)).toHaveLength(1);
    expect(allowlistsInFolder(join(dir, 'missing')).size).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
