import { allowlist, problemsOf } from '../helpers/fixture';
import { A, at, expectProblem } from '../helpers/located-problems';

describe('keys-are-valid', () => {
  test('a slug key with an earlier key is accepted', () => {
    expect(problemsOf({ 'payroll-portal-2.json': allowlist({ previousKeys: ['payroll'] }) })).toEqual([]);
  });

  test('a file name that cannot be an app key', () => {
    expectProblem(
      { 'Payroll_App.json': allowlist() },
      'allowlists/Payroll_App.json:1:1',
      /^the file name must be a key of lower-case letters, digits and single "-", starting with a letter \(at most 64\), but got "Payroll_App"/,
    );
  });

  test('a file name starting with a digit, which Terraform refuses as an address', () => {
    expectProblem({ '1password.json': allowlist() }, 'allowlists/1password.json:1:1', /but got "1password"/);
  });

  test('previousKeys naming the file itself', () => {
    const file = allowlist({ previousKeys: ['a'] });
    expectProblem(
      { 'a.json': file },
      at(A, file, '"a"'),
      'previousKeys must list earlier names of this file, but got its current name "a": remove it',
    );
  });
});
