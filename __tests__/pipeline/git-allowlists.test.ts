import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_FILE_BYTES } from '../../lib/load/read-file';
import { allowlistsAt, allowlistsInFolder } from '../../lib/pipeline/git-allowlists';
import { allowlistFile, TempGitRepo } from './temp-git-repo';

/** A commit with a valid file, a broken one, an oversized one, a stray name and links in and out of the folder. */
function repository() {
  const repo = new TempGitRepo();
  writeFileSync(join(repo.dir, 'outside.json'), JSON.stringify(allowlistFile()));
  repo.commit({ 'payroll.json': allowlistFile(), 'broken.json': '{', 'big.json': ' '.repeat(MAX_FILE_BYTES + 1), 'notes.txt': 'x' });
  symlinkSync('payroll.json', join(repo.dir, 'allowlists', 'copy.json'));
  symlinkSync('../outside.json', join(repo.dir, 'allowlists', 'outside.json'));
  return { repo, commit: repo.commitAll() };
}

describe('allow-list snapshots', () => {
  test('at a commit: the files the loader would read, each read leniently, the rest left out', () => {
    const { repo, commit } = repository();
    writeFileSync(join(repo.dir, 'allowlists', 'payroll.json'), '{}');
    const snapshots = allowlistsAt(commit, { cwd: repo.dir });
    expect([...snapshots.keys()]).toEqual(['big', 'broken', 'copy', 'payroll']);
    expect(snapshots.get('payroll')).toMatchObject({ file: 'allowlists/payroll.json', label: 'Payroll Portal', unreadable: undefined });
    expect(snapshots.get('copy')).toMatchObject({ file: 'allowlists/copy.json', label: 'Payroll Portal' });
    expect(snapshots.get('broken')?.unreadable).toMatch(/not valid JSON/);
    expect(snapshots.get('big')?.unreadable).toBe(
      `cannot read the file: it must be at most ${MAX_FILE_BYTES} bytes, but it has ${MAX_FILE_BYTES + 1}`,
    );
    repo.remove();
  });

  test('in the working tree: the same files read the same way', () => {
    const { repo, commit } = repository();
    const dir = join(repo.dir, 'allowlists');
    const onDisk = allowlistsInFolder(dir);
    const atCommit = allowlistsAt(commit, { cwd: repo.dir, dir });
    expect(onDisk).toEqual(atCommit);
    expect(onDisk.get('payroll')?.file).toBe(join(dir, 'payroll.json'));
    repo.remove();
  });

  test('a folder that is missing holds no apps', () => {
    const { repo, commit } = repository();
    expect(allowlistsAt(commit, { cwd: repo.dir, dir: 'policies' }).size).toBe(0);
    expect(allowlistsInFolder(join(repo.dir, 'policies')).size).toBe(0);
    repo.remove();
  });
});
