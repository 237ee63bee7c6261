import { membershipsOf, parseGroupFile, parseGroupList } from '../../lib/preview/memberships';

describe('parseGroupList', () => {
  test('splits on commas and drops surrounding spaces and empty items', () => {
    expect(parseGroupList(' Payroll Users, HR ,,IT ')).toEqual(['Payroll Users', 'HR', 'IT']);
  });

  test('\\, is a comma inside a name and \\\\ a backslash; other backslashes stay', () => {
    expect(parseGroupList('Smith\\, Jones & Co,C:\\\\share,a\\b')).toEqual(['Smith, Jones & Co', 'C:\\share', 'a\\b']);
  });

  test('keeps quotes and non-ASCII characters', () => {
    expect(parseGroupList('People "Ops" Leads,Équipe Finance')).toEqual(['People "Ops" Leads', 'Équipe Finance']);
  });
});

test('parseGroupFile reads one group per line, commas included, ignoring blank lines and CRLF', () => {
  expect(parseGroupFile('Smith, Jones & Co\r\n\r\n  Payroll Users  \n00g1a2b3c4d5e6f7g8h9\n')).toEqual([
    'Smith, Jones & Co',
    'Payroll Users',
    '00g1a2b3c4d5e6f7g8h9',
  ]);
});

test('membershipsOf keeps each group once and tells IDs from names', () => {
  expect(membershipsOf(['HR', '00g1a2b3c4d5e6f7g8h9', 'HR'])).toEqual([
    { reference: 'HR', isId: false },
    { reference: '00g1a2b3c4d5e6f7g8h9', isId: true },
  ]);
});
