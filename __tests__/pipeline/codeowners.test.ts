import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../lib/load/load-project';
import { CODEOWNERS_FILE, loadCodeownersConfig, renderCodeowners } from '../../lib/pipeline/codeowners';

const root = join(__dirname, '..', '..');

describe('CODEOWNERS', () => {
  test('the committed file equals the generated one (run `npm run codeowners` when this fails)', () => {
    const { project, problems } = loadProject({ allowlistsDir: join(root, 'allowlists'), environmentsFile: join(root, 'stacks/environments.json') });
    expect(problems).toEqual([]);
    const apps = project!.apps.map((a) => ({ ...a, file: a.file.slice(root.length + 1) }));
    const expected = renderCodeowners(apps, loadCodeownersConfig(join(root, '.github/codeowners.json')));
    expect(readFileSync(join(root, CODEOWNERS_FILE), 'utf8')).toBe(expected);
  });

  test('the fallback comes first, because GitHub applies the last matching line', () => {
    const text = renderCodeowners(
      [
        { file: 'allowlists/b.json', owners: ['@acme/b', '@alice'] },
        { file: 'allowlists/a.json', owners: ['@acme/a'] },
      ],
      { fallbackOwners: ['@acme/platform'] },
    );
    const rules = text.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual(['* @acme/platform', '/allowlists/a.json @acme/a', '/allowlists/b.json @acme/b @alice']);
  });
});
