import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSeed, startEmulator } from '../../emulator';

describe('emulator seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'emu-seed-'));
  const write = (value: unknown) => {
    const file = join(dir, `${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(value));
    return file;
  };

  it('names the offending path of an invalid seed', () => {
    expect(() => loadSeed(write({ groups: [{ nme: 'x' }] }))).toThrow(/groups\[0\]\.nme is not a known field/);
    expect(() => loadSeed(write({ apps: [{ label: 'a', type: 'spa' }] }))).toThrow(/apps\[0\]\.type must be one of/);
    expect(() => loadSeed(join(dir, 'missing.json'))).toThrow(/cannot read/);
  });

  it('seeds apps with a profile, a groups claim and group assignments', async () => {
    const seed = loadSeed(
      write({
        groups: [{ id: '00g00000000000000001', name: 'Payroll' }],
        apps: [
          {
            id: '0oa00000000000000001',
            label: 'Legacy',
            profile: { groupallowlist: ['00g00000000000000001'] },
            groupsClaim: { name: 'groups', value: 'x', valueType: 'EXPRESSION' },
            groupIds: ['00g00000000000000001'],
          },
        ],
      }),
    );
    const emu = await startEmulator({ orgHost: 'acme.okta.com', apiToken: 'tok', seed });
    try {
      expect(emu.state.app('0oa00000000000000001')).toMatchObject({
        label: 'Legacy',
        status: 'ACTIVE',
        profile: { groupallowlist: ['00g00000000000000001'] },
      });
      expect(emu.state.groupsClaim('0oa00000000000000001')).toMatchObject({ name: 'groups', value: 'x' });
      expect(emu.state.appGroupAssignments('0oa00000000000000001')).toHaveLength(1);
    } finally {
      await emu.stop();
    }
  });
});
