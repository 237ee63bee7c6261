import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('allowlist-has-one-kind', () => {
  test('a static list, and a dynamic list with one pattern and its source, are accepted', () => {
    const dynamic = allowlist({ allowlist: { startsWith: 'Payroll ', source: 'OKTA' }, claims: [{ server: 'org' }] });
    expect(problemsOf({ 'a.json': allowlist(), 'b.json': dynamic })).toEqual([]);
  });

  test('static and dynamic at once: refused, naming why and both fixes', () => {
    const file = allowlist({ allowlist: { groups: ['A'], startsWith: 'IT' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT"'),
      /^allowlist cannot combine "groups" with "startsWith" in one claim yet: .*docs\/okta-semantics\.md#combined-allow-lists\)\. Either name in "groups" the groups "startsWith" should match .*, or keep only "startsWith"$/,
    );
  });

  test('two dynamic patterns at once', () => {
    const file = allowlist({ allowlist: { endsWith: '-Admins', contains: 'IT' } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT"'),
      'allowlist must be either static or one dynamic pattern, but got "endsWith" and "contains": keep one',
    );
  });

  test('neither static nor dynamic', () => {
    const file = allowlist({ allowlist: { source: 'OKTA' } });
    expectProblem({ 'a.json': file }, at(A, file, '{\n    "source"'), /^allowlist must have "groups" \(a static list\) or one of/);
  });

  test('a source on a static list', () => {
    const file = allowlist({ allowlist: { groups: ['A'], source: 'OKTA' } });
    expectProblem({ 'a.json': file }, at(A, file, '"OKTA"'), /^allowlist.source applies to dynamic lists only/);
  });
});
