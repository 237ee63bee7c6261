import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appIdsOfState, shardStacks, stateAppIds } from '../../lib/orphans/state-app-ids';

const state = JSON.stringify({
  version: 4,
  outputs: { app_ids: { value: { payroll: '0oa1', moving: '0oa9' } } },
  resources: [
    { mode: 'managed', type: 'okta_app_oauth', name: 'payroll', instances: [{ attributes: { id: '0oa1' } }] },
    { mode: 'managed', type: 'okta_app_oauth', name: 'fresh', instances: [{ attributes: { id: '0oa2' } }] },
    { mode: 'data', type: 'okta_groups', name: 'g', instances: [{ attributes: { id: 'x' } }] },
    { mode: 'managed', type: 'okta_auth_server_claim', name: 'c', instances: [{ attributes: { id: 'ocl1' } }] },
  ],
});

describe('appIdsOfState', () => {
  test('app resources (even when the apply died before its outputs) and the app_ids output (apps moving out)', () => {
    expect(appIdsOfState(state)).toEqual({ ids: ['0oa1', '0oa2', '0oa9'], empty: false });
  });
  test('an empty pull is a stack never applied', () => {
    expect(appIdsOfState('\n')).toEqual({ ids: [], empty: true });
  });
});

describe('stateAppIds', () => {
  const stacksDir = mkdtempSync(join(tmpdir(), 'orphans-stacks-'));
  for (const stack of ['dev--shared', 'dev--payroll', 'dev--hr', 'prod--payroll']) mkdirSync(join(stacksDir, stack));

  test('reads every shard stack of the environment, never the shared one', async () => {
    expect(shardStacks(stacksDir, 'dev')).toEqual(['dev--hr', 'dev--payroll']);
    const calls: string[] = [];
    const result = await stateAppIds(stacksDir, 'dev', async (args) => {
      calls.push(args.join(' '));
      return { code: 0, stdout: args[0].endsWith('payroll') ? state : '', stderr: '' };
    });
    expect(calls).toEqual([`-chdir=${join(stacksDir, 'dev--hr')} state pull`, `-chdir=${join(stacksDir, 'dev--payroll')} state pull`]);
    expect(result.map((s) => [s.stack, s.ids.length, s.empty])).toEqual([
      ['dev--hr', 0, true],
      ['dev--payroll', 3, false],
    ]);
  });

  test('a state that cannot be read fails the check instead of counting as empty', async () => {
    await expect(
      stateAppIds(stacksDir, 'dev', async () => ({ code: 1, stdout: '', stderr: 'Backend initialization required' })),
    ).rejects.toThrow(/state pull failed for dev--hr/);
  });

  test('an environment without synthesized stacks is an error', async () => {
    await expect(stateAppIds(stacksDir, 'qa', async () => ({ code: 0, stdout: '', stderr: '' }))).rejects.toThrow(
      /no stack of environment "qa"/,
    );
  });
});
