import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('assignments-are-valid', () => {
  test('both forms at once', () => {
    const file = allowlist({ assignments: { groups: ['Payroll Users'], fromAllowlist: true } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"fromAllowlist"', 1, '"fromAllowlist": '.length),
      /^assignments must be either "groups" or "fromAllowlist", but got both/,
    );
  });

  test('neither form', () => {
    const file = allowlist({ assignments: {} });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"assignments"', 1, '"assignments": '.length),
      /^assignments must have "groups" \(the groups whose members may sign in\) or "fromAllowlist": true, but got neither/,
    );
  });

  test('fromAllowlist with a dynamic list', () => {
    const file = allowlist({ allowlist: { startsWith: 'Payroll ' }, assignments: { fromAllowlist: true } });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"fromAllowlist"', 1, '"fromAllowlist": '.length),
      /^assignments.fromAllowlist must go with a static allow list, but got allowlist.startsWith "Payroll ": Okta assigns groups, not name patterns/,
    );
  });

  test("assigned groups follow the allow list's rules: a mistyped ID, a stray space", () => {
    const file = allowlist({ assignments: { groups: ['00g123', 'Payroll Users '] } });
    expectProblem({ 'a.json': file }, at(A, file, '"00g123"'), /^"00g123" looks like a group ID but is not one/);
    expectProblem({ 'a.json': file }, at(A, file, '"Payroll Users "'), /^group name "Payroll Users " starts or ends with a space/);
  });

  test('valid forms pass: fromAllowlist with a static list, groups by name and ID', () => {
    expect(problemsOf({ 'a.json': allowlist({ assignments: { fromAllowlist: true } }) })).toEqual([]);
    expect(problemsOf({ 'a.json': allowlist({ assignments: { groups: ['Payroll Users', '00g1a2b3c4d5e6f7g8h9'] } }) })).toEqual([]);
    expect(
      problemsOf({
        'a.json': allowlist({
          allowlist: { startsWith: 'Payroll ' },
          claims: [{ server: 'org' }],
          assignments: { groups: ['Payroll Users'] },
        }),
      }),
    ).toEqual([]);
  });
});
