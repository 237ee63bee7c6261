import {
  batchGroupSearches,
  encodedLength,
  groupSearchExpression,
  GROUP_SEARCH_BATCH_SIZE,
  GROUP_SEARCH_MAX_ENCODED_LENGTH,
} from '../../lib/okta/group-search';
import { allowlist, projectOf } from '../helpers/fixture';

const named = (reference: string) => ({ reference, isId: false });
/** A 200-character name of 2-byte letters: about 1,200 characters once percent-encoded. */
const longName = (i: number) => `${'Äöü'.repeat(66)}${String(i).padStart(2, '0')}`;

describe('group search batches', () => {
  test('the encoded length counts every non-unreserved UTF-8 byte as three characters', () => {
    expect(encodedLength('Payroll-Users_1.~')).toBe(17);
    expect(encodedLength('a b"\\')).toBe(1 + 3 + 1 + 3 + 3);
    expect(encodedLength('ü')).toBe(6);
    expect(encodedLength('😀')).toBe(12);
    expect(encodedLength('Äb ü')).toBe(encodeURIComponent('Äb ü').length);
  });

  test('short names are batched forty at a time, in order', () => {
    const groups = Array.from({ length: 85 }, (_, i) => named(`Group ${i}`));
    const batches = batchGroupSearches(groups);
    expect(batches.map((b) => b.length)).toEqual([GROUP_SEARCH_BATCH_SIZE, GROUP_SEARCH_BATCH_SIZE, 5]);
    expect(batches.flat()).toEqual(groups);
  });

  test('long non-ASCII names are batched by encoded length, every group exactly once', () => {
    const groups = Array.from({ length: 40 }, (_, i) => named(longName(i)));
    expect(encodedLength(groupSearchExpression(groups))).toBeGreaterThan(45_000);
    const batches = batchGroupSearches(groups);
    // About 1,220 encoded characters each: three fit in 4,000, four do not, so each search is filled.
    expect(batches.map((b) => b.length)).toEqual([...Array<number>(13).fill(3), 1]);
    for (const batch of batches) expect(encodedLength(groupSearchExpression(batch))).toBeLessThanOrEqual(GROUP_SEARCH_MAX_ENCODED_LENGTH);
    expect(batches.flat()).toEqual(groups);
  });

  test('quotes and backslashes are counted after escaping', () => {
    const groups = Array.from({ length: 40 }, (_, i) => named(`${'"\\'.repeat(120)}${i}`));
    for (const batch of batchGroupSearches(groups))
      expect(encodedLength(groupSearchExpression(batch))).toBeLessThanOrEqual(GROUP_SEARCH_MAX_ENCODED_LENGTH);
  });

  test('a name longer than the limit on its own still gets a search', () => {
    const huge = named('😀'.repeat(400));
    expect(batchGroupSearches([named('A'), huge, named('B')])).toEqual([[named('A')], [huge], [named('B')]]);
  });

  test("a project's plan keeps every search of 40 long non-ASCII names within the limit", () => {
    const groups = Array.from({ length: 40 }, (_, i) => longName(i));
    const project = projectOf({ 'a.json': allowlist({ allowlist: { groups }, claims: [{ server: 'org', limit: 40 }] }) });
    const batches = project.plans[0].shards[0].groupBatches;
    expect(batches.flat().map((g) => g.reference)).toEqual(groups);
    for (const batch of batches) expect(encodedLength(groupSearchExpression(batch))).toBeLessThanOrEqual(GROUP_SEARCH_MAX_ENCODED_LENGTH);
  });
});
