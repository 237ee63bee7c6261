import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WORKING_TREE } from '../../../lib/load/sources/working-tree';

/** A folder with a file, a sub-folder, a link inside, a link out of it and a dangling link. */
function folder() {
  const root = mkdtempSync(join(tmpdir(), 'working-tree-'));
  const dir = join(root, 'allowlists');
  mkdirSync(join(dir, 'nested'), { recursive: true });
  writeFileSync(join(dir, 'b.json'), 'Équipe');
  writeFileSync(join(root, 'outside.json'), '{}');
  symlinkSync('b.json', join(dir, 'a.json'));
  symlinkSync('../outside.json', join(dir, 'c.json'));
  symlinkSync('missing.json', join(dir, 'd.json'));
  return { root, dir };
}

describe('WORKING_TREE', () => {
  test('lists a folder by name with what each entry is, links as links', () => {
    const { dir } = folder();
    expect(WORKING_TREE.list(dir)).toEqual([
      { name: 'a.json', kind: 'link' },
      { name: 'b.json', kind: 'file' },
      { name: 'c.json', kind: 'link' },
      { name: 'd.json', kind: 'link' },
      { name: 'nested', kind: 'folder' },
    ]);
    expect(() => WORKING_TREE.list(join(dir, 'missing'))).toThrow(/^ENOENT: no such file or directory, scandir/);
  });

  test('reads a file as UTF-8 through a link, and refuses what is not a small regular file', () => {
    const { dir } = folder();
    expect(WORKING_TREE.read(join(dir, 'a.json'), 100)).toBe('Équipe');
    expect(() => WORKING_TREE.read(join(dir, 'b.json'), 3)).toThrow('it must be at most 3 bytes, but it has 7');
    expect(() => WORKING_TREE.read(join(dir, 'nested'), 100)).toThrow('it must be a regular file, but it is a folder');
    expect(() => WORKING_TREE.read(join(dir, 'd.json'), 100)).toThrow(/^ENOENT: no such file or directory, open/);
  });

  test('a link stays inside its folder only when it resolves to a file there', () => {
    const { dir } = folder();
    expect(WORKING_TREE.linkStaysInside(dir, join(dir, 'a.json'))).toBe(true);
    expect(WORKING_TREE.linkStaysInside(dir, join(dir, 'c.json'))).toBe(false);
    expect(WORKING_TREE.linkStaysInside(dir, join(dir, 'd.json'))).toBe(false);
  });

  test('something exists only when it resolves', () => {
    const { root, dir } = folder();
    expect(WORKING_TREE.exists(join(root, 'outside.json'))).toBe(true);
    expect(WORKING_TREE.exists(join(dir, 'c.json'))).toBe(true);
    expect(WORKING_TREE.exists(join(dir, 'd.json'))).toBe(false);
  });
});
