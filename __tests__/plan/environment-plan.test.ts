import { ShardPlan } from '../../lib/plan/environment-plan';
import { allowlist, projectOf } from '../helpers/fixture';

const owned = (team: string, changes: Record<string, unknown> = {}) => allowlist({ owners: [`@acme/${team}`], ...changes });
const assigned = { assignments: { groups: ['Payroll Users'] } };

function shardOf(files: Record<string, unknown>, shard: string, envs?: unknown): ShardPlan {
  const [dev] = projectOf(files, envs).plans;
  const found = dev.shards.find((s) => s.name === shard);
  if (!found) throw new Error(`no shard ${shard} in dev`);
  return found;
}

describe('what leaves a shard', () => {
  test('an app retired with "forget" leaves the state and stays in Okta, its assignments with it', () => {
    const shard = shardOf(
      { 'a.json': owned('payroll'), 'old.json': owned('payroll', { ...assigned, retire: { dev: 'forget' } }) },
      'payroll',
    );
    expect(shard.leaving).toEqual(['old']);
    expect(shard.forgottenApps).toEqual(['old']);
    expect(shard.forgottenAssignments).toEqual(['a', 'old']);
  });

  test('an app retired with "destroy" leaves the state but is not forgotten: Terraform deletes it', () => {
    const shard = shardOf({ 'a.json': owned('payroll'), 'old.json': owned('payroll', { retire: { dev: 'destroy' } }) }, 'payroll');
    expect(shard.leaving).toEqual(['old']);
    expect(shard.forgottenApps).toEqual([]);
    expect(shard.forgottenAssignments).toEqual(['a', 'old']);
  });

  test('a renamed app leaves under its old key; its assignments move with it when the new file has them', () => {
    const renamed = shardOf({ 'b.json': owned('payroll', { ...assigned, previousKeys: ['a'] }) }, 'payroll');
    expect(renamed.leaving).toEqual(['a']);
    expect(renamed.forgottenApps).toEqual([]);
    expect(renamed.forgottenAssignments).toEqual([]);
    const withoutAssignments = shardOf({ 'b.json': owned('payroll', { previousKeys: ['a'] }) }, 'payroll');
    expect(withoutAssignments.forgottenAssignments).toEqual(['a', 'b']);
  });

  test('an app moving to another shard is forgotten by the shard it leaves and arrives in the other', () => {
    const files = { 'a.json': owned('payments', { ...assigned, previousShard: 'payroll' }), 'b.json': owned('payroll', assigned) };
    const from = shardOf(files, 'payroll');
    expect(from.leaving).toEqual(['a']);
    expect(from.forgottenApps).toEqual(['a']);
    expect(from.forgottenAssignments).toEqual(['a']);
    const to = shardOf(files, 'payments');
    expect(to.leaving).toEqual([]);
    expect(to.movedIn).toEqual([{ key: 'a', from: 'payroll' }]);
  });

  test('nothing leaves a shard whose apps all stay', () => {
    const shard = shardOf({ 'a.json': owned('payroll', assigned) }, 'payroll');
    expect([shard.leaving, shard.forgottenApps, shard.forgottenAssignments]).toEqual([[], [], []]);
  });
});

describe('what leaves the shared stack', () => {
  test("the claims the environments file lists in a server's removedClaims, in each environment", () => {
    const server = (removedClaims?: unknown) => ({
      default: { id: 'default', dedicatedToManagedApps: true, ...(removedClaims ? { removedClaims } : {}) },
    });
    const env = (orgName: string, removedClaims?: unknown) => ({
      orgName,
      baseUrl: 'oktapreview.com',
      auth: { method: 'api_token' },
      authorizationServers: server(removedClaims),
      backend: { type: 'local' },
    });
    const envs = { environments: { dev: env('acme-dev', [{ name: 'roles', token: 'access' }]), prod: env('acme') } };
    const [dev, prod] = projectOf({ 'a.json': owned('payroll') }, envs).plans;
    expect(dev.removedClaims).toEqual([{ server: 'default', token: 'access', name: 'roles' }]);
    expect(prod.removedClaims).toEqual([]);
  });
});
