import childProcess from 'node:child_process';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadProject } from '../../../lib/load/load-project';
import { MAX_FILE_BYTES } from '../../../lib/load/read-file';
import { GitSource } from '../../../lib/load/sources/git-source';
import { WORKING_TREE } from '../../../lib/load/sources/working-tree';
import { allowlist, environments } from '../../helpers/fixture';
import { TempGitRepo } from '../../pipeline/temp-git-repo';

/** A commit with a file, a sub-folder, a link inside, a link out of the folder, a dangling link and a link loop. */
function repository() {
  const repo = new TempGitRepo();
  const dir = join(repo.dir, 'allowlists');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'b.json'), 'Équipe "A"\n\n');
  writeFileSync(join(dir, 'nested', 'x.json'), '{}');
  writeFileSync(join(repo.dir, 'outside.json'), '{}');
  symlinkSync('b.json', join(dir, 'a.json'));
  symlinkSync('../outside.json', join(dir, 'c.json'));
  symlinkSync('missing.json', join(dir, 'd.json'));
  symlinkSync('e.json', join(dir, 'e.json'));
  symlinkSync('allowlists', join(repo.dir, 'lists'));
  const commit = repo.commitAll();
  return { repo, dir, commit, source: new GitSource({ ref: commit, cwd: repo.dir }) };
}

describe('GitSource', () => {
  test('lists a folder as committed, by name, with what each entry is, links as links', () => {
    const { repo, dir, source } = repository();
    writeFileSync(join(dir, 'uncommitted.json'), '{}');
    expect(source.list(dir)).toEqual([
      { name: 'a.json', kind: 'link' },
      { name: 'b.json', kind: 'file' },
      { name: 'c.json', kind: 'link' },
      { name: 'd.json', kind: 'link' },
      { name: 'e.json', kind: 'link' },
      { name: 'nested', kind: 'folder' },
    ]);
    expect(source.list('allowlists/nested')).toEqual([{ name: 'x.json', kind: 'file' }]);
    expect(() => source.list(join(dir, 'missing'))).toThrow(`ENOENT: no such file or directory, scandir '${join(dir, 'missing')}'`);
    expect(() => source.list(join(dir, 'b.json'))).toThrow(`ENOTDIR: not a directory, scandir '${join(dir, 'b.json')}'`);
    repo.remove();
  });

  test('reads a file byte-exact as UTF-8 through a link, and refuses what the working tree refuses, in the same words', () => {
    const { repo, dir, source } = repository();
    writeFileSync(join(dir, 'b.json'), 'changed since');
    expect(source.read(join(dir, 'b.json'), 100)).toBe('Équipe "A"\n\n');
    expect(source.read('allowlists/a.json', 100)).toBe('Équipe "A"\n\n');
    expect(() => source.read(join(dir, 'b.json'), 3)).toThrow('it must be at most 3 bytes, but it has 13');
    expect(() => source.read(join(dir, 'nested'), 100)).toThrow('it must be a regular file, but it is a folder');
    expect(() => source.read(join(dir, 'd.json'), 100)).toThrow(`ENOENT: no such file or directory, open '${join(dir, 'd.json')}'`);
    expect(() => source.read(join(dir, 'e.json'), 100)).toThrow(/^ELOOP: too many symbolic links/);
    repo.remove();
  });

  test('refuses bytes that are not UTF-8', () => {
    const repo = new TempGitRepo();
    repo.commit({ 'a.json': '' });
    writeFileSync(join(repo.dir, 'allowlists', 'a.json'), Buffer.from([0x7b, 0xff, 0x7d]));
    const source = new GitSource({ ref: repo.commitAll(), cwd: repo.dir });
    expect(() => source.read('allowlists/a.json', 100)).toThrow('it must be UTF-8 text, but it holds bytes that are not: save it as UTF-8');
    repo.remove();
  });

  test('a link stays inside its folder only when it resolves to a file there', () => {
    const { repo, dir, source } = repository();
    expect(source.linkStaysInside(dir, join(dir, 'a.json'))).toBe(true);
    expect(source.linkStaysInside(dir, join(dir, 'c.json'))).toBe(false);
    expect(source.linkStaysInside(dir, join(dir, 'd.json'))).toBe(false);
    repo.remove();
  });

  test('something exists only when it resolves, outside the repository never', () => {
    const { repo, dir, source } = repository();
    expect(source.exists(join(repo.dir, 'outside.json'))).toBe(true);
    expect(source.exists(join(dir, 'c.json'))).toBe(true);
    expect(source.exists(join(dir, 'd.json'))).toBe(false);
    expect(source.exists(join(repo.dir, '..'))).toBe(false);
    repo.remove();
  });

  test('takes paths relative to its folder, wherever in the repository and however that folder is reached', () => {
    const { repo, dir, commit } = repository();
    const inFolder = new GitSource({ ref: commit, cwd: dir });
    expect(inFolder.read('b.json', 100)).toBe('Équipe "A"\n\n');
    expect(inFolder.exists('../outside.json')).toBe(true);
    expect(inFolder.exists('../../outside.json')).toBe(false);
    const link = join(repo.dir, '..', `${basename(repo.dir)}-link`);
    symlinkSync(repo.dir, link);
    try {
      expect(new GitSource({ ref: commit, cwd: link }).read(join(link, 'allowlists', 'b.json'), 100)).toBe('Équipe "A"\n\n');
    } finally {
      unlinkSync(link);
    }
    repo.remove();
  });

  test('follows a link to a folder anywhere in a path, as the working tree does', () => {
    const { repo, dir, source } = repository();
    const lists = join(repo.dir, 'lists');
    expect(source.list(lists)).toEqual(source.list(dir));
    expect(source.read(join(lists, 'a.json'), 100)).toBe('Équipe "A"\n\n');
    expect(source.linkStaysInside(lists, join(lists, 'a.json'))).toBe(true);
    expect(source.linkStaysInside(lists, join(lists, 'c.json'))).toBe(false);
    expect(source.exists(join(lists, 'e.json'))).toBe(false);
    for (const read of [WORKING_TREE, source]) expect(() => read.list(join(lists, 'a.json'))).toThrow(/^ENOTDIR: not a directory, scandir/);
    repo.remove();
  });

  test('reads the commit it was made for, even when the ref moves on', () => {
    const repo = new TempGitRepo();
    repo.commit({ 'a.json': 'first' });
    const source = new GitSource({ ref: 'main', cwd: repo.dir });
    repo.commit({ 'a.json': 'second' });
    expect(source.read('allowlists/a.json', 100)).toBe('first');
    expect(() => new GitSource({ ref: 'no-such-ref', cwd: repo.dir })).toThrow(
      'the git ref must name a commit, but got "no-such-ref": fetch it first',
    );
    repo.remove();
  });

  test('outside a git work tree it says so, instead of blaming the ref', () => {
    const folder = mkdtempSync(join(tmpdir(), 'not-git-'));
    expect(() => new GitSource({ ref: 'main', cwd: folder })).toThrow(
      /reading files at a commit needs a git work tree, but .*not-git-.* is not in one/,
    );
  });

  test('reads every file of a listed folder with one git process, however many there are', () => {
    const repo = new TempGitRepo();
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app-${i}.json`, `{"n": ${i}}`]));
    const source = new GitSource({ ref: repo.commit(files), cwd: repo.dir });
    const entries = source.list('allowlists');
    const run = jest.spyOn(childProcess, 'execFileSync');
    try {
      expect(entries.map((e) => source.read(`allowlists/${e.name}`, 100))).toHaveLength(20);
      expect(run).toHaveBeenCalledTimes(1);
    } finally {
      run.mockRestore();
    }
    repo.remove();
  });
});

describe('loadProject through a GitSource', () => {
  /** Loads the same files from the working tree and from their commit, under the same paths. */
  function loadBoth(repo: TempGitRepo) {
    const paths = { allowlistsDir: join(repo.dir, 'allowlists'), environmentsFile: join(repo.dir, 'environments.json') };
    const commit = repo.commitAll();
    return {
      workingTree: loadProject({ ...paths, source: WORKING_TREE }),
      git: loadProject({ ...paths, source: new GitSource({ ref: commit, cwd: repo.dir }) }),
    };
  }

  test('gives the problems the working tree gives for the same files: links, oversize, stray names, bad JSON', () => {
    const repo = new TempGitRepo();
    writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify(environments()));
    writeFileSync(join(repo.dir, 'outside.json'), JSON.stringify(allowlist()));
    repo.commit({
      'payroll.json': allowlist(),
      'broken.json': '{',
      'big.json': ' '.repeat(MAX_FILE_BYTES + 1),
      'notes.txt': 'x',
      'Upper.JSON': '{}',
      'nested/x.json': '{}',
    });
    const dir = join(repo.dir, 'allowlists');
    symlinkSync('payroll.json', join(dir, 'inside.json'));
    symlinkSync('../outside.json', join(dir, 'outside.json'));
    symlinkSync('missing.json', join(dir, 'dangling.json'));
    mkdirSync(join(dir, 'folder.json'));
    writeFileSync(join(dir, 'folder.json', 'a'), '');
    const { workingTree, git } = loadBoth(repo);
    expect(workingTree.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^an allow-list file must not be a link to a file outside .*"outside.json"/),
        expect.stringMatching(/^an allow-list file must not be a link to a file outside .*"dangling.json"/),
        `cannot read the file: it must be at most ${MAX_FILE_BYTES} bytes, but it has ${MAX_FILE_BYTES + 1}`,
        'cannot read the file: it must be a regular file, but it is a folder',
        expect.stringMatching(/"notes.txt", which would be ignored: move it out of the folder$/),
        expect.stringMatching(/"Upper.JSON", which would be ignored: rename it to "Upper.json"$/),
      ]),
    );
    expect(git).toEqual(workingTree);
    repo.remove();
  });

  test('gives the same project for valid files, a link inside the folder included', () => {
    const repo = new TempGitRepo();
    writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify(environments()));
    repo.commit({ 'payroll.json': allowlist() });
    symlinkSync('payroll.json', join(repo.dir, 'allowlists', 'payroll-copy.json'));
    const { workingTree, git } = loadBoth(repo);
    expect(workingTree.project?.apps.map((a) => a.key)).toEqual(['payroll-copy', 'payroll']);
    expect(git).toEqual(workingTree);
    repo.remove();
  });

  test('gives what the working tree gives for any mix of names, files, folders and links (property)', () => {
    const names = [
      'a.json',
      'b c.json',
      'é 営業.json',
      'line\nbreak.json',
      '.hidden.json',
      'UPPER.JSON',
      'README.md',
      'schema.json',
      'x.txt',
    ];
    const entry = fc.oneof(
      fc.record({ kind: fc.constant('file' as const), text: fc.constantFrom(JSON.stringify(allowlist()), '{', '[]', '', '\ufeff{}') }),
      fc.record({ kind: fc.constant('link' as const), target: fc.constantFrom(...names, '../environments.json', 'missing.json', '.') }),
      fc.record({ kind: fc.constant('folder' as const) }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), entry, { minKeys: 1, maxKeys: 6 }), (entries) => {
        const repo = new TempGitRepo();
        try {
          writeFileSync(join(repo.dir, 'environments.json'), JSON.stringify(environments()));
          const dir = join(repo.dir, 'allowlists');
          mkdirSync(dir);
          for (const [name, made] of Object.entries(entries)) {
            if (made.kind === 'file') writeFileSync(join(dir, name), made.text);
            else if (made.kind === 'link') symlinkSync(made.target, join(dir, name));
            // git keeps no empty folder: the working tree reads the one it would check out.
            else {
              mkdirSync(join(dir, name));
              writeFileSync(join(dir, name, 'inner.json'), '{}');
            }
          }
          const { workingTree, git } = loadBoth(repo);
          expect(git).toEqual(workingTree);
        } finally {
          repo.remove();
        }
      }),
      { numRuns: 25, seed: 20261129 },
    );
  });

  test('a missing environments file is missing in both', () => {
    const repo = new TempGitRepo();
    repo.commit({ 'payroll.json': allowlist() });
    const { workingTree, git } = loadBoth(repo);
    expect(workingTree.problems.map((p) => p.message)).toEqual([
      `cannot read the file: ENOENT: no such file or directory, open '${join(repo.dir, 'environments.json')}'`,
    ]);
    expect(git).toEqual(workingTree);
    repo.remove();
  });
});
