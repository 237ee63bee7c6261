import { filteredGroupsForApp, groupsMatching, sharedClaimExpression } from '../../lib/okta/expressions';

const STATIC = { kind: 'static', groups: [] } as const;
const sharedStatic = (value: 'name' | 'id') => sharedClaimExpression('default/access/groups', STATIC, value, 100);
const ASKED = { groupallowlistclaims: ['default/access/groups'] };
import { ClaimEvaluationError, EmittedGroup, evaluate, membershipOf, UnsupportedExpressionError, Value } from '../../lib/preview/evaluate';
import { parseExpression } from '../../lib/preview/expression-language';

function run(
  expression: string,
  groups: string[],
  appProfile: Record<string, unknown> = {},
  ignoreCase = false,
): { value: Value; notes: string[] } {
  const notes: string[] = [];
  const value = evaluate(parseExpression(expression), {
    appProfile,
    memberships: groups.map(membershipOf),
    claimName: 'groups',
    notes,
    ignoreCase,
  });
  return { value, notes };
}

const values = (expression: string, groups: string[], appProfile: Record<string, unknown> = {}) =>
  (run(expression, groups, appProfile).value as readonly EmittedGroup[]).map((g) => g.value);

// Okta's static allow-list guide: one group "IT" with ID 00goeudyucv6CcaeV0h7 in the app profile.
const OKTA_GUIDE_GROUP_ID = '00goeudyucv6CcaeV0h7';

describe('getFilteredGroups', () => {
  test('Okta guide, "group.id": a member of the allow-listed group gets its ID', () => {
    expect(values(filteredGroupsForApp('id', 40), [OKTA_GUIDE_GROUP_ID], { groupallowlist: [OKTA_GUIDE_GROUP_ID] })).toEqual([
      OKTA_GUIDE_GROUP_ID,
    ]);
  });

  test('Okta guide, "group.name" with a literal list: the name of a group given by ID is unknown offline, not invented', () => {
    const { value } = run(`getFilteredGroups({"${OKTA_GUIDE_GROUP_ID}"}, "group.name", 40)`, [OKTA_GUIDE_GROUP_ID]);
    expect(value).toEqual([{ group: OKTA_GUIDE_GROUP_ID, attribute: 'name', value: null }]);
  });

  test('only groups both allow-listed and held, in allow-list order; other memberships are ignored', () => {
    const profile = { groupallowlist: ['IT', 'Payroll Users', 'HR'] };
    expect(values(filteredGroupsForApp('name', 3), ['Sales', 'HR', 'IT'], profile)).toEqual(['IT', 'HR']);
  });

  test('"group.id" for a group given by name yields a placeholder, because the ID is only known to Okta', () => {
    const { value } = run(filteredGroupsForApp('id', 2), ['Payroll Users'], { groupallowlist: ['Payroll Users'] });
    expect(value).toEqual([{ group: 'Payroll Users', attribute: 'id', value: null }]);
  });

  test('names are matched exactly, so case and spaces matter as they do in the group lookups', () => {
    expect(values(filteredGroupsForApp('name', 2), ['payroll users', 'Payroll Users '], { groupallowlist: ['Payroll Users'] })).toEqual([]);
  });

  test('non-ASCII and quoted group names match as written', () => {
    const profile = { groupallowlist: ['Équipe Finance', 'People "Ops" Leads', '経理'] };
    expect(values(filteredGroupsForApp('name', 3), ['People "Ops" Leads', '経理', 'Équipe Finance'], profile)).toEqual([
      'Équipe Finance',
      'People "Ops" Leads',
      '経理',
    ]);
  });

  test('more matching groups than the limit: Okta refuses the token', () => {
    const profile = { groupallowlist: ['A', 'B', 'C'] };
    expect(() => run(filteredGroupsForApp('name', 2), ['A', 'B', 'C'], profile)).toThrow(ClaimEvaluationError);
    expect(() => run(filteredGroupsForApp('name', 2), ['A', 'B', 'C'], profile)).toThrow(
      /matched too many groups.*matched 3 groups, but its limit is 2/,
    );
    expect(values(filteredGroupsForApp('name', 2), ['A', 'C'], profile)).toEqual(['A', 'C']);
  });

  test.each([0, 101])('a limit of %d is outside 1–100 and cannot be evaluated', (limit) => {
    expect(() => run(filteredGroupsForApp('name', limit), ['A'], { groupallowlist: ['A'] })).toThrow(
      /The 'groups' user claim could not be evaluated: the limit must be a whole number from 1 to 100, but got \d+/,
    );
  });

  test('empty membership yields an empty list', () => {
    expect(values(filteredGroupsForApp('name', 2), [], { groupallowlist: ['A', 'B'] })).toEqual([]);
  });

  test('an org claim on an app without a profile list fails like Okta, instead of yielding nothing', () => {
    expect(() => run(filteredGroupsForApp('name', 2), ['A'])).toThrow(
      /could not be evaluated: getFilteredGroups needs a list of group IDs, but got null/,
    );
  });

  test('notes an allow-list ID that a membership given by name might be', () => {
    const { notes } = run(filteredGroupsForApp('name', 2), ['Payroll Users'], { groupallowlist: ['00g1a2b3c4d5e6f7g8h9'] });
    expect(notes).toEqual([expect.stringMatching(/gives group "00g1a2b3c4d5e6f7g8h9" by ID.*pass its ID/)]);
  });
});

describe('the shared custom-server claim', () => {
  test('an app without an allow list, or without any profile, gets nothing instead of an error', () => {
    expect(run(sharedStatic('name'), ['A'], {}).value).toEqual([]);
  });

  test('an app that did not ask for this claim gets nothing, even with an allow list (it asked for another claim on the server)', () => {
    expect(values(sharedStatic('name'), ['A'], { groupallowlist: ['A'], groupallowlistclaims: ['default/id/groups'] })).toEqual([]);
  });

  test("reads each requesting app's own list and limit; no limit in the profile means 100", () => {
    expect(values(sharedStatic('name'), ['A', 'B'], { ...ASKED, groupallowlist: ['B'] })).toEqual(['B']);
    expect(() => run(sharedStatic('name'), ['A', 'B'], { ...ASKED, groupallowlist: ['A', 'B'], groupallowlistlimit: 1 })).toThrow(
      /its limit is 1/,
    );
  });
});

describe('Groups.startsWith / endsWith / contains', () => {
  const held = ['IT-Ops', 'IT Desk', 'Finance-IT', 'it-lab', 'Sales'];

  test('Okta guide example Groups.startsWith("OKTA", "IT", 10) returns the held groups whose NAME starts with IT', () => {
    expect(values(groupsMatching('startsWith', 'OKTA', 'IT', 10), held)).toEqual(['IT-Ops', 'IT Desk']);
  });

  test('endsWith and contains match the end and any part of the name', () => {
    expect(values(groupsMatching('endsWith', 'OKTA', '-IT', 10), held)).toEqual(['Finance-IT']);
    expect(values(groupsMatching('contains', 'OKTA', 'IT', 10), held)).toEqual(['IT-Ops', 'IT Desk', 'Finance-IT']);
  });

  test('patterns are compared with or without case, as asked: Okta has not settled which', () => {
    const names = (ignoreCase: boolean) =>
      (run(groupsMatching('startsWith', 'OKTA', 'IT', 10), held, {}, ignoreCase).value as EmittedGroup[]).map((g) => g.value);
    expect(names(false)).toEqual(['IT-Ops', 'IT Desk']);
    expect(names(true)).toEqual(['IT-Ops', 'IT Desk', 'it-lab']);
  });

  test('groups given by ID cannot be matched by name and are reported', () => {
    const { value, notes } = run(groupsMatching('startsWith', 'OKTA', 'IT', 10), ['00g1a2b3c4d5e6f7g8h9']);
    expect(value).toEqual([]);
    expect(notes).toContainEqual(expect.stringContaining('00g1a2b3c4d5e6f7g8h9 given by ID cannot be matched'));
  });

  test('more matches than the limit: Okta refuses the token', () => {
    expect(() => run(groupsMatching('contains', 'OKTA', 'IT', 2), held)).toThrow(/matched 3 groups, but its limit is 2/);
  });

  test('a shared dynamic claim yields nothing for apps that did not ask for it', () => {
    const expression = sharedClaimExpression(
      'default/access/it_groups',
      { kind: 'dynamic', match: 'startsWith', source: 'OKTA', pattern: 'IT' },
      'name',
      10,
    );
    expect(values(expression, held, {})).toEqual([]);
    // Asking for another claim on the server must not unlock this one.
    expect(values(expression, held, { groupallowlistclaims: ['default/access/sales_groups'] })).toEqual([]);
    expect(values(expression, held, { groupallowlistclaims: ['default/access/it_groups'] })).toEqual(['IT-Ops', 'IT Desk']);
  });
});

test('expressions outside the modelled subset are refused rather than guessed', () => {
  expect(() => run('user.getGroups({})', [])).toThrow(UnsupportedExpressionError);
  expect(() => run('isMemberOfGroupName("IT")', [])).toThrow(/cannot evaluate the function isMemberOfGroupName\(\)/);
  expect(() => run('getFilteredGroups({"A"}, "group.description", 5)', ['A'])).toThrow(/group expression "group.description"/);
});
