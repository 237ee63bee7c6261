import { toAnnotation, toAnnotations } from '../../lib/pipeline/annotations';

describe('workflow annotations', () => {
  test('errors carry file, line and column, and data escapes %, CR and LF', () => {
    expect(toAnnotation({ file: 'allowlists/payroll.json', line: 4, column: 7, message: '100% wrong\r\nfix it' })).toBe(
      '::error file=allowlists/payroll.json,line=4,col=7::100%25 wrong%0D%0Afix it',
    );
  });

  test('warnings use ::warning and the title and ID of their rule as the title; properties escape : and ,', () => {
    expect(toAnnotation({ file: 'a,b:c.json', line: 1, column: 1, message: 'broad: a, b', level: 'warning', rule: 'OKTA-G1' })).toBe(
      '::warning file=a%2Cb%3Ac.json,line=1,col=1,title=Forbidden and privileged groups (OKTA-G1)::broad: a, b',
    );
  });

  test('a title that is no rule ID is shown as it is', () => {
    expect(toAnnotation({ file: 'a.json', line: 1, column: 1, message: 'x', level: 'warning', rule: 'Owner change' })).toBe(
      '::warning file=a.json,line=1,col=1,title=Owner change::x',
    );
  });

  test('are sorted by file and line', () => {
    const lines = toAnnotations([
      { file: 'b.json', line: 1, column: 1, message: 'x' },
      { file: 'a.json', line: 9, column: 1, message: 'y' },
      { file: 'a.json', line: 2, column: 1, message: 'z' },
    ]);
    expect(
      lines.map((l) =>
        l
          .match(/file=([^,]+),line=(\d+)/)!
          .slice(1)
          .join(':'),
      ),
    ).toEqual(['a.json:2', 'a.json:9', 'b.json:1']);
  });
});
