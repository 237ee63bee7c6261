import { Type } from '@sinclair/typebox';
import { JsonDocument } from '../../lib/load/json-document';
import { SchemaChecker } from '../../lib/load/schema-problems';

describe('SchemaChecker', () => {
  const messagesOf = (checker: SchemaChecker<never>, text: string): string[] =>
    checker.problems(JsonDocument.parse('f.json', text).document!).map((p) => p.message);
  const checker = new SchemaChecker(
    Type.Object({
      names: Type.Array(Type.String(), { uniqueItems: true }),
      limits: Type.Optional(Type.Array(Type.Object({ n: Type.Integer() }), { uniqueItems: true })),
    }),
  ) as SchemaChecker<never>;

  test('accepts lists whose items all differ, text compared exactly', () => {
    expect(messagesOf(checker, '{"names": ["A", "a", "A ", "1"], "limits": [{"n": 1}, {"n": 2}]}')).toEqual([]);
  });

  test('refuses a text item listed twice', () => {
    expect(messagesOf(checker, '{"names": ["A", "B", "A"]}')).toEqual([
      'names must not list the same item twice, but "A" appears more than once',
    ]);
  });

  test('refuses an object item listed twice, as TypeBox compares it', () => {
    expect(messagesOf(checker, '{"names": [], "limits": [{"n": 1}, {"n": 1}]}')).toEqual([
      'limits must not list the same item twice, but {"n":1} appears more than once',
    ]);
  });
});
