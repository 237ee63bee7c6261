import fc from 'fast-check';
import { commonMatch, globMatches, globTokens, infixTokens, prefixTokens, suffixTokens } from '../../lib/policy/glob';

/** The old matcher (a backtracking regular expression), as the reference for small inputs. */
const reference = (pattern: string, text: string): boolean =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*')}$`,
    'i',
  ).test(text);

describe('globMatches', () => {
  test.each([
    ['*Admin*', 'Payroll Admins', true],
    ['*admin*', 'PAYROLL ADMINS', true],
    ['Okta *', 'Okta Administrators', true],
    ['Okta *', 'okta', false],
    ['a*a', 'a', false],
    ['*', '', true],
    ['Everyone', 'everyone', true],
  ])('%p on %p is %p', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  test('agrees with a regular expression on small inputs', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'A', '*', ' '), maxLength: 8 });
    fc.assert(
      fc.property(text, text, (pattern, subject) => globMatches(pattern, subject) === reference(pattern, subject)),
      { seed: 7, numRuns: 2000 },
    );
  });

  test('is linear: "*a*a*a*a*b" on 255 characters (71 s with backtracking) takes no time', () => {
    const started = Date.now();
    for (let i = 0; i < 100; i++) globMatches('*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(255));
    expect(Date.now() - started).toBeLessThan(200);
  });
});

describe('commonMatch', () => {
  test('finds a name both a startsWith pattern and a forbidden glob match', () => {
    expect(commonMatch(globTokens('*Admin*'), prefixTokens('Payroll Ad'))).toBe('payroll admin');
    expect(commonMatch(globTokens('Okta *'), prefixTokens('Payroll'))).toBeUndefined();
    expect(commonMatch(globTokens('*Admins'), suffixTokens('mins'))).toBe('admins');
    expect(commonMatch(globTokens('*Break Glass*'), infixTokens('k Gl'))).toBe('break glass');
  });

  test('"overlapping" asks for the two texts to meet, not one to fill the other\'s wildcard', () => {
    expect(commonMatch(globTokens('*Admin*'), prefixTokens('IT-'))).toBe('it-admin');
    expect(commonMatch(globTokens('*Admin*'), prefixTokens('IT-'), true)).toBeUndefined();
    expect(commonMatch(globTokens('*Admin*'), prefixTokens('Payroll Ad'), true)).toBe('payroll admin');
  });

  test('a "*" in a dynamic pattern is a literal star', () => {
    expect(commonMatch(globTokens('a*'), prefixTokens('*'))).toBeUndefined();
    expect(commonMatch(globTokens('*'), prefixTokens('*'))).toBe('*');
  });

  test('every example it finds is matched by both (property)', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 6 });
    fc.assert(
      fc.property(part, fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 5 }), (glob, prefix) => {
        const example = commonMatch(globTokens(glob), prefixTokens(prefix));
        if (example === undefined) return true;
        return globMatches(glob, example) && example.startsWith(prefix);
      }),
      { seed: 11, numRuns: 1000 },
    );
  });

  test('finds one whenever a brute-force search over short names does (property)', () => {
    const names = ['', 'a', 'b', 'aa', 'ab', 'ba', 'bb', 'aaa', 'aab', 'aba', 'abb', 'baa', 'bab', 'bba', 'bbb'];
    const part = fc.string({ unit: fc.constantFrom('a', 'b', '*'), maxLength: 3 });
    fc.assert(
      fc.property(part, fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 2 }), (glob, prefix) => {
        const brute = names.some((n) => n.startsWith(prefix) && globMatches(glob, n));
        return !brute || commonMatch(globTokens(glob), prefixTokens(prefix)) !== undefined;
      }),
      { seed: 13, numRuns: 500 },
    );
  });
});
