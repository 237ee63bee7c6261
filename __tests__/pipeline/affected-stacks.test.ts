import fs, { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { affectedStacks } from '../../lib/pipeline/affected-stacks';
import { allowlist, environments } from '../helpers/fixture';
import { TempGitRepo } from './temp-git-repo';

/** A repository with two teams' apps and one environment file; each test changes one thing. */
function repository() {
  const repo = new TempGitRepo();
  writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify(environments()));
  const files = {
    'payroll.json': allowlist(),
    'hr.json': allowlist({ owners: ['@acme/hr'], allowlist: { groups: ['HR Users'] }, claims: [{ server: 'default', token: 'access' }] }),
  };
  const base = repo.commit(files, 'base');
  const affected = (head: string) =>
    affectedStacks({
      base,
      head,
      repository: repo.dir,
      allowlistsDir: join(repo.dir, 'allowlists'),
      environmentsFile: join(repo.dir, 'environments.json'),
    });
  return { repo, files, base, affected };
}

const names = (decisions: readonly { stack: string }[]) => decisions.map((d) => d.stack);

describe('affectedStacks, from real git history', () => {
  test("one changed group plans only that app's shard, in each environment", () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ ...files, 'payroll.json': allowlist({ allowlist: { groups: ['Payroll Admins', 'Payroll Auditors'] } }) });
    const result = affected(head);
    expect(names(result.planned)).toEqual(['dev--payroll', 'prod--payroll']);
    expect(result.planned[0].reason).toBe('its Terraform changes');
    expect(names(result.skipped)).toEqual(['dev--shared', 'dev--hr', 'prod--shared', 'prod--hr']);
    expect(result.skipped[0].reason).toBe('its Terraform is unchanged by this pull request');
    repo.remove();
  });

  test("asking for another shared claim plans the shared stack and the app's own stack (its profile lists the claims it asks for)", () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ ...files, 'payroll.json': allowlist({ claims: [{ server: 'org' }, { server: 'default', token: 'id' }] }) });
    expect(names(affected(head).planned)).toEqual(['dev--shared', 'dev--payroll', 'prod--shared', 'prod--payroll']);
    const limited = repo.commit({
      ...files,
      'payroll.json': allowlist({ claims: [{ server: 'org' }, { server: 'default', token: 'access', limit: 5 }] }),
    });
    expect(names(affected(limited).planned)).toEqual(['dev--payroll', 'prod--payroll']);
    repo.remove();
  });

  test("a new team's app is a new stack", () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ ...files, 'sales.json': allowlist({ owners: ['@acme/sales'], environments: ['dev'] }) });
    expect(affected(head).planned).toEqual([{ environment: 'dev', stack: 'dev--sales', reason: 'a new stack' }]);
    repo.remove();
  });

  test('a reformatted file changes no Terraform, so nothing is planned', () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ ...files, 'payroll.json': JSON.stringify(allowlist()) });
    const result = affected(head);
    expect(result.planned).toEqual([]);
    expect(result.skipped).toHaveLength(6);
    repo.remove();
  });

  test('a change to anything but allow lists (here the environments file) plans every stack', () => {
    const { repo, files, affected } = repository();
    writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify(environments(), null, 1));
    const result = affected(repo.commit(files));
    expect(result.planned).toHaveLength(6);
    expect(result.planned[0].reason).toBe('not only allow lists changed (environments.json): every stack is planned');
    repo.remove();
  });

  test('documentation alone plans nothing', () => {
    const { repo, files, affected } = repository();
    writeFileSync(join(repo.dir, 'README.md'), '# notes\n');
    expect(affected(repo.commit(files)).planned).toEqual([]);
    repo.remove();
  });

  test('deleting the last app of a shard orphans its stack, which must fail the check', () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ 'payroll.json': files['payroll.json'] });
    const result = affected(head);
    expect(names(result.orphaned)).toEqual(['dev--hr', 'prod--hr']);
    expect(result.orphaned[0].reason).toMatch(/^no allow-list file places an app in this stack any more/);
    repo.remove();
  });

  test('an environments change plans everything, and still reports a shard its files would orphan', () => {
    const { repo, files, affected } = repository();
    writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify({ ...environments(), shardBy: 'single' }));
    const result = affected(repo.commit(files));
    expect(result.planned).toHaveLength(4);
    expect(names(result.planned)).toEqual(['dev--shared', 'dev--apps', 'prod--shared', 'prod--apps']);
    // Every app would move to the new "apps" shard while the old states still hold them.
    expect(names(result.orphaned)).toEqual(['dev--hr', 'dev--payroll', 'prod--hr', 'prod--payroll']);
    repo.remove();
  });

  test('deleting the files of a shard whose apps were all retired before needs no plan and orphans nothing', () => {
    const { repo, files } = repository();
    const retired = repo.commit({ ...files, 'hr.json': { ...(files['hr.json'] as object), retire: { dev: 'destroy', prod: 'forget' } } });
    const head = repo.commit({ 'payroll.json': files['payroll.json'] });
    const result = affectedStacks({
      base: retired,
      head,
      repository: repo.dir,
      allowlistsDir: join(repo.dir, 'allowlists'),
      environmentsFile: join(repo.dir, 'environments.json'),
    });
    expect(result.orphaned).toEqual([]);
    expect(result.planned).toEqual([]);
    expect(result.skipped.filter((s) => s.stack.endsWith('--hr'))).toEqual([
      { environment: 'dev', stack: 'dev--hr', reason: 'its apps were all retired or moved away before: the stack is no longer needed' },
      { environment: 'prod', stack: 'prod--hr', reason: 'its apps were all retired or moved away before: the stack is no longer needed' },
    ]);
    repo.remove();
  });

  test('allow lists that do not load at head are reported, not guessed at', () => {
    const { repo, affected } = repository();
    const broken = repo.commit({ 'payroll.json': '{' });
    expect(() => affected(broken)).toThrow(/the allow lists at head do not load/);
    repo.remove();
  });

  test('allow lists that do not load at base are reported, not guessed at', () => {
    const { repo, files } = repository();
    const broken = repo.commit({ ...files, 'payroll.json': '{' });
    const fixed = repo.commit(files);
    expect(() =>
      affectedStacks({
        base: broken,
        head: fixed,
        repository: repo.dir,
        allowlistsDir: join(repo.dir, 'allowlists'),
        environmentsFile: join(repo.dir, 'environments.json'),
      }),
    ).toThrow(/the allow lists at base do not load/);
    repo.remove();
  });

  test('a problem at base names the file under the path the user gave, as at head', () => {
    const { repo, files } = repository();
    symlinkSync('../environments.json', join(repo.dir, 'allowlists', 'linked.json'));
    const linked = repo.commitAll();
    repo.commit(files);
    const dir = join(repo.dir, 'allowlists');
    expect(() =>
      affectedStacks({
        base: linked,
        head: 'HEAD',
        repository: repo.dir,
        allowlistsDir: dir,
        environmentsFile: join(repo.dir, 'environments.json'),
      }),
    ).toThrow(`first: an allow-list file must not be a link to a file outside ${dir}, but "linked.json" is`);
    repo.remove();
  });

  test('compares base and head in memory: it writes no file and makes no folder, temporary or not', () => {
    const { repo, files, affected } = repository();
    const head = repo.commit({ ...files, 'payroll.json': allowlist({ allowlist: { groups: ['Payroll Admins', 'Payroll Auditors'] } }) });
    const writes = (['mkdtempSync', 'mkdirSync', 'writeFileSync', 'openSync'] as const).map((name) => jest.spyOn(fs, name));
    try {
      expect(names(affected(head).planned)).toEqual(['dev--payroll', 'prod--payroll']);
      for (const write of writes.slice(0, 3)) expect(write).not.toHaveBeenCalled();
      // The head's files are opened (so the spies see the library's calls), and only for reading.
      expect(writes[3]).toHaveBeenCalled();
      for (const [, flags] of writes[3].mock.calls) expect(Number(flags) & (fs.constants.O_WRONLY | fs.constants.O_RDWR)).toBe(0);
    } finally {
      for (const write of writes) write.mockRestore();
    }
    repo.remove();
  });
});
