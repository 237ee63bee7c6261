import { readFileSync } from 'node:fs';
import { GENERATED_SCHEMAS, renderSchema } from '../../lib/schema/json-schemas';

describe('generated JSON Schemas', () => {
  test.each(GENERATED_SCHEMAS.map((s) => [s.path, s]))('%s is up to date (run "npm run schema" if not)', (_path, { path, schema }) => {
    expect(readFileSync(path, 'utf8')).toBe(renderSchema(schema));
  });

  test('the allow-list schema refuses unknown fields, so editors flag typos', () => {
    const schema = JSON.parse(readFileSync('allowlists/schema.json', 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.app.additionalProperties).toBe(false);
    expect(schema.properties.claims.items.additionalProperties).toBe(false);
  });
});
