import { JsonDocument } from '../../lib/load/json-document';

describe('JsonDocument', () => {
  test('reports a syntax error with its line and column', () => {
    const { document, problems } = JsonDocument.parse('a.json', '{\n  "owners": ["@x",]\n}');
    expect(document).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'a.json',
        line: 2,
        column: 19,
        message: 'This is not valid JSON: unexpected "]": remove the comma before it, or add the missing value',
      }),
    ]);
  });

  test('says when the file ends too early', () => {
    const { problems } = JsonDocument.parse('a.json', '{\n  "owners": ["@x"]\n');
    expect(problems[0].message).toMatch(/^This is not valid JSON: /);
    expect(problems[0].message).toBe('This is not valid JSON: the file ends too early: a closing "}" or "]" is missing');
  });

  test('reports a duplicate key, which JSON.parse would silently drop', () => {
    const { problems } = JsonDocument.parse('a.json', '{\n  "app": {\n    "label": "A",\n    "label": "B"\n  }\n}');
    expect(problems).toEqual([
      expect.objectContaining({
        line: 4,
        column: 5,
        message: '"label" appears twice in /app (first on line 3): keep one, JSON keeps only the last',
      }),
    ]);
  });

  test('locates the same after releasing its syntax tree, which a loaded project does to save memory', () => {
    const text = '{\n  "claims": [\n    { "server": "org" }\n  ]\n}';
    const { document } = JsonDocument.parse('a.json', text);
    const paths = [['claims', 0, 'server'], ['claims', 0, 'limit'], ['nothing']];
    const before = paths.map((path) => [document!.locate(path), document!.locateKey(path)]);
    document!.releaseSyntaxTree();
    expect(paths.map((path) => [document!.locate(path), document!.locateKey(path)])).toEqual(before);
    expect(document!.value).toEqual({ claims: [{ server: 'org' }] });
  });

  test('locates nested values and falls back to the nearest existing parent', () => {
    const { document } = JsonDocument.parse('a.json', '{\n  "claims": [\n    { "server": "org" }\n  ]\n}');
    expect(document!.locate(['claims', 0, 'server'])).toEqual({ line: 3, column: 17 });
    expect(document!.locate(['claims', 0, 'limit'])).toEqual({ line: 3, column: 5 });
    expect(document!.locateKey(['claims', 0, 'server'])).toEqual({ line: 3, column: 7 });
  });

  test('keeps non-ASCII and escaped text intact', () => {
    const { document } = JsonDocument.parse('a.json', '{"g": ["Équipe \\"A\\"", "\\u0041"]}');
    expect(document!.value).toEqual({ g: ['Équipe "A"', 'A'] });
  });
});
