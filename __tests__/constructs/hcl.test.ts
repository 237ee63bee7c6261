import { hclString, templateText } from '../../lib/constructs/hcl';

describe('HCL escaping', () => {
  test('template sequences in user text are never interpolated', () => {
    expect(templateText('Team ${var.x} %{ if }')).toBe('Team $${var.x} %%{ if }');
  });

  test('a string literal escapes quotes and backslashes and keeps non-ASCII', () => {
    expect(hclString('People "Ops" \\ Équipe')).toBe('"People \\"Ops\\" \\\\ Équipe"');
    expect(hclString('${x}')).toBe('"$${x}"');
  });
});
