import { filesAt } from '../../lib/pipeline/git-files';
import { TempGitRepo } from './temp-git-repo';

describe('filesAt', () => {
  test('reads every file of a folder at a commit in one batch, byte-exact, non-ASCII and newlines included', () => {
    const repo = new TempGitRepo();
    const first = repo.commit({ 'a.json': '{"label": "Équipe \\"A\\""}\n\n', 'nested/b.json': '' });
    repo.commit({ 'a.json': '{}' });
    const files = filesAt(first, 'allowlists', repo.dir);
    expect([...files.entries()]).toEqual([
      ['allowlists/a.json', '{"label": "Équipe \\"A\\""}\n\n'],
      ['allowlists/nested/b.json', ''],
    ]);
    expect(filesAt('HEAD', 'allowlists/', repo.dir).get('allowlists/a.json')).toBe('{}');
    repo.remove();
  });

  test('a folder missing at that commit has no files', () => {
    const repo = new TempGitRepo();
    const sha = repo.commit({ 'a.json': '{}' });
    expect(filesAt(sha, 'policies', repo.dir).size).toBe(0);
    repo.remove();
  });
});
