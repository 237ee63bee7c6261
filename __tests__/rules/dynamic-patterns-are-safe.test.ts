import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('dynamic-patterns-are-safe', () => {
  test('a plain pattern emitting group names is accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ allowlist: { startsWith: 'IT-' }, claims: [{ server: 'org', value: 'name' }] }) })).toEqual(
      [],
    );
  });

  test('a quote in a dynamic pattern cannot reach an Okta expression', () => {
    const file = allowlist({ allowlist: { startsWith: 'IT"), Groups.contains("' }, claims: [{ server: 'org' }] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"IT\\"'),
      /^allowlist.startsWith must not contain double quotes, backslashes or control characters/,
    );
  });

  test('a backslash in a dynamic pattern', () => {
    const file = allowlist({ allowlist: { contains: 'a\\b' }, claims: [{ server: 'org' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"a\\\\b"'), /^allowlist.contains must not contain double quotes, backslashes/);
  });

  test('group IDs from a dynamic list', () => {
    const file = allowlist({ allowlist: { startsWith: 'IT' }, claims: [{ server: 'org', value: 'id' }] });
    expectProblem({ 'a.json': file }, at(A, file, '"id"'), /^value must be "name" for a dynamic allow list, but got "id"/);
  });
});
