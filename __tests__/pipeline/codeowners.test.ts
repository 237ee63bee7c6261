import { renderCodeowners } from '../../lib/pipeline/codeowners';

describe('CODEOWNERS', () => {
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
