import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heavySyntheticProject, syntheticProject, writeSyntheticProject } from '../../bench/synthetic-project';
import { loadProject } from '../../lib/load/load-project';
import { isGroupId } from '../../lib/okta/group-ids';

const TINY = { apps: 80, groupPoolSize: 300 };

describe('syntheticProject', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'synthetic-project-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same files for the same seed and other files for another seed', () => {
    expect(syntheticProject(TINY)).toEqual(syntheticProject(TINY));
    expect(syntheticProject({ ...TINY, seed: 7 })).not.toEqual(syntheticProject(TINY));
  });

  it('writes files that pass every rule, shared custom-server claims included', () => {
    const { project, problems } = loadProject(writeSyntheticProject(dir, syntheticProject(TINY)));
    expect(problems).toEqual([]);
    expect(project?.apps).toHaveLength(TINY.apps);
    expect(project?.plans.map((p) => p.name)).toEqual(['dev', 'prod']);
  });

  it('writes a heavy shape that passes every rule: every app in both environments, 51 stacks each at scale, a third with a shared claim', () => {
    const { project, problems } = loadProject(writeSyntheticProject(dir, heavySyntheticProject({ apps: 300, groupPoolSize: 300 })));
    expect(problems).toEqual([]);
    expect(project?.plans.map((p) => [p.name, p.apps.length, p.shards.length])).toEqual([
      ['dev', 300, 50],
      ['prod', 300, 50],
    ]);
    const shared = project!.apps.filter((a) => a.claims.some((c) => c.server === 'default')).length;
    expect(shared).toBeGreaterThan(60);
    expect(shared).toBeLessThan(140);
  });

  it('mixes static and dynamic lists, org and custom-server claims, and hard group names', () => {
    const files = Object.values(syntheticProject(TINY).allowlists);
    const groups = files.flatMap((f) => f.allowlist.groups ?? []);
    const servers = new Set(files.flatMap((f) => f.claims.map((c) => c.server)));
    expect(files.filter((f) => f.allowlist.groups).length).toBeGreaterThan(TINY.apps / 2);
    expect(files.some((f) => f.allowlist.startsWith ?? f.allowlist.endsWith ?? f.allowlist.contains)).toBe(true);
    expect([...servers].sort()).toEqual(['default', 'org', 'partners']);
    expect(groups.some(isGroupId)).toBe(true);
    expect(groups.some((g) => g.includes('"'))).toBe(true);
    expect(groups.some((g) => [...g].some((c) => c.charCodeAt(0) > 0x7f))).toBe(true);
    expect(groups.some((g) => g.includes(' '))).toBe(true);
  });

  it('draws 20 distinct groups per static list from the pool', () => {
    const files = Object.values(syntheticProject(TINY).allowlists).filter((f) => f.allowlist.groups);
    for (const file of files) expect(new Set(file.allowlist.groups).size).toBe(20);
    expect(new Set(files.flatMap((f) => f.allowlist.groups)).size).toBeLessThanOrEqual(TINY.groupPoolSize);
  });
});
