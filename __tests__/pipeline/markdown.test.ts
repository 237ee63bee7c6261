import { fenced, truncateToBytes, utf8Length } from '../../lib/pipeline/markdown';

describe('truncateToBytes', () => {
  test('keeps whole lines when one fits', () => {
    expect(truncateToBytes('aaa\nbbb\nccc', 9)).toEqual({ text: 'aaa\nbbb\n', omittedLines: 1, totalLines: 3 });
  });

  test('never splits a multi-byte character or surrogate pair when one line is too long', () => {
    const { text } = truncateToBytes('é🚀é🚀', 7);
    expect(text).toBe('é🚀');
    expect(utf8Length(text)).toBe(6);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  test('returns short text untouched', () => {
    expect(truncateToBytes('Équipe', 7)).toEqual({ text: 'Équipe', omittedLines: 0, totalLines: 1 });
  });
});

test('a fence is longer than any backtick run inside, so the text cannot close it', () => {
  expect(fenced('a ```` b', 'text')).toBe('`````text\na ```` b\n`````');
  expect(fenced('plain\n')).toBe('```\nplain\n```');
});
