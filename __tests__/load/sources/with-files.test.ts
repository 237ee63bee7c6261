import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../../lib/load/load-project';
import { withFiles } from '../../../lib/load/sources/with-files';
import { WORKING_TREE } from '../../../lib/load/sources/working-tree';
import { allowlist, writeProject } from '../../helpers/fixture';

describe('withFiles', () => {
  test('lists the added files among the folder’s own, an added file over one of the same name', () => {
    const { allowlistsDir } = writeProject({ 'b.json': '{}', 'd.json': '{}' });
    const source = withFiles(
      WORKING_TREE,
      new Map([
        [join(allowlistsDir, 'a.json'), 'added'],
        [join(allowlistsDir, 'd.json'), 'replaced'],
        [join(allowlistsDir, 'new', 'c.json'), 'in a new folder'],
      ]),
    );
    expect(source.list(allowlistsDir)).toEqual(['a.json', 'b.json', 'd.json'].map((name) => ({ name, kind: 'file' })));
    expect(source.list(join(allowlistsDir, 'new'))).toEqual([{ name: 'c.json', kind: 'file' }]);
    expect(() => source.list(join(allowlistsDir, 'missing'))).toThrow(/^ENOENT/);
    expect(source.read(join(allowlistsDir, 'd.json'), 100)).toBe('replaced');
    expect(source.read(join(allowlistsDir, 'b.json'), 100)).toBe('{}');
    expect(source.exists(join(allowlistsDir, 'new', 'c.json'))).toBe(true);
    expect(source.exists(join(allowlistsDir, 'c.json'))).toBe(false);
  });

  test('holds an added file to the size limit, in the working tree’s words', () => {
    const { allowlistsDir } = writeProject({});
    const source = withFiles(WORKING_TREE, new Map([[join(allowlistsDir, 'a.json'), 'Équipe']]));
    expect(() => source.read(join(allowlistsDir, 'a.json'), 6)).toThrow('it must be at most 6 bytes, but it has 7');
  });

  test('loadProject gives the problems it gives once the files are written, under the same paths', () => {
    const fixture = writeProject({ 'payroll.json': allowlist() });
    const added = join(fixture.allowlistsDir, 'hr.json');
    const text = JSON.stringify(allowlist({ owners: ['not a team'] }));
    const inMemory = loadProject({ ...fixture, source: withFiles(WORKING_TREE, new Map([[added, text]])) });
    writeFileSync(added, text);
    const written = loadProject(fixture);
    expect(inMemory.problems).toEqual(written.problems);
    expect(inMemory.problems.map((p) => p.file)).toContain(added);
  });
});
