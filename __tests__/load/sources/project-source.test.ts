import { isInsideFolder } from '../../../lib/load/sources/project-source';

describe('isInsideFolder', () => {
  test('a name in the folder or below it is inside, also one that starts with two dots', () => {
    for (const inside of ['a.json', 'sub/a.json', '..x.json', '...json', 'sub/../a.json'])
      expect([inside, isInsideFolder(inside)]).toEqual([inside, true]);
  });

  test('the folder itself, anything above it and an absolute path are not', () => {
    for (const outside of ['', '..', '../a.json', '../../a.json', '/etc/passwd'])
      expect([outside, isInsideFolder(outside)]).toEqual([outside, false]);
  });
});
