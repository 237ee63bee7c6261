import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('group-references-are-valid', () => {
  test('exact names and well-formed IDs are accepted', () => {
    expect(problemsOf({ 'a.json': allowlist({ allowlist: { groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] } }) })).toEqual([]);
  });

  test('a mistyped group ID', () => {
    const file = allowlist({ allowlist: { groups: ['00g123'] } });
    expectProblem({ 'a.json': file }, at(A, file, '"00g123"'), /^"00g123" looks like a group ID but is not one/);
  });

  test('a group name with a trailing space', () => {
    const file = allowlist({ allowlist: { groups: ['Payroll Users '] } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"Payroll Users "'),
      'group name "Payroll Users " starts or ends with a space: names are matched exactly, remove the space',
    );
  });

  test('a group name with a tab', () => {
    const file = allowlist({ allowlist: { groups: ['Payroll\tUsers'] } });
    expectProblem({ 'a.json': file }, at(A, file, '"Payroll\\tUsers"'), /^group name "Payroll\\tUsers" contains a control character/);
  });
});
