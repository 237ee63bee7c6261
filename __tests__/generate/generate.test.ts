import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../lib/generate/generate';
import { replaceBetweenMarkers } from '../../lib/generate/generated-file';

const ROOT = join(__dirname, '..', '..');

describe('npm run generate', () => {
  test('every generated file is up to date (run `npm run generate` when this fails)', () => {
    expect(generate(ROOT, true).stale).toEqual([]);
  });

  test('the allow-list schema refuses unknown fields, so editors flag typos', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'allowlists/schema.json'), 'utf8'));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.app.additionalProperties).toBe(false);
    expect(schema.properties.claims.items.additionalProperties).toBe(false);
  });

  test('a generated part is replaced between its markers, and a missing marker is an error rather than an append', () => {
    expect(replaceBetweenMarkers('doc.md', 'intro\n<!-- a -->\nold\n<!-- b -->\nend\n', '<!-- a -->', '<!-- b -->', 'new\n')).toBe(
      'intro\n<!-- a -->\nnew\n<!-- b -->\nend\n',
    );
    expect(() => replaceBetweenMarkers('doc.md', 'intro\n<!-- a -->\nold\n', '<!-- a -->', '<!-- b -->', 'new\n')).toThrow(
      'doc.md must hold the lines "<!-- a -->" and "<!-- b -->"',
    );
  });
});
