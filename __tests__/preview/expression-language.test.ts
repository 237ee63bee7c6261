import { filteredGroupsForApp, groupsMatching, sharedClaimExpression } from '../../lib/okta/expressions';
import { ExpressionSyntaxError, parseExpression } from '../../lib/preview/expression-language';

describe('parseExpression', () => {
  test('reads every expression form the project generates', () => {
    for (const text of [
      filteredGroupsForApp('name', 3),
      filteredGroupsForApp('id', 100),
      sharedClaimExpression('default/id/groups', { kind: 'static', groups: [] }, 'name', 100),
      groupsMatching('endsWith', 'active_directory', '-Admins', 10),
      sharedClaimExpression(
        'default/access/finance',
        { kind: 'dynamic', match: 'contains', source: 'OKTA', pattern: 'Finance' },
        'name',
        50,
      ),
    ]) {
      expect(() => parseExpression(text)).not.toThrow();
    }
  });

  test('the shared claim is a conditional on the claims the app asked for, then on Arrays.contains', () => {
    const asked = { kind: 'path', path: ['app', 'profile', 'groupallowlistclaims'] };
    const parsed = parseExpression(sharedClaimExpression('default/id/groups', { kind: 'static', groups: [] }, 'id', 100));
    expect(parsed).toMatchObject({
      kind: 'conditional',
      test: { kind: 'equals', left: asked, right: { kind: 'null' } },
      then: { kind: 'list', items: [] },
      otherwise: {
        kind: 'conditional',
        test: { kind: 'call', name: 'Arrays.contains', args: [asked, { kind: 'string', value: 'default/id/groups' }] },
        then: {
          kind: 'call',
          name: 'getFilteredGroups',
          args: [
            { kind: 'path', path: ['app', 'profile', 'groupallowlist'] },
            { kind: 'string', value: 'group.id' },
            {
              kind: 'conditional',
              test: { kind: 'equals', left: { kind: 'path', path: ['app', 'profile', 'groupallowlistlimit'] }, right: { kind: 'null' } },
              then: { kind: 'number', value: 100 },
              otherwise: { kind: 'path', path: ['app', 'profile', 'groupallowlistlimit'] },
            },
          ],
        },
        otherwise: { kind: 'list', items: [] },
      },
    });
  });

  test('reads the literal group list of Okta documentation example', () => {
    expect(parseExpression('getFilteredGroups({"00gml2xHE3RYRx7cM0g3"}, "group.name", 40)')).toEqual({
      kind: 'call',
      name: 'getFilteredGroups',
      args: [
        { kind: 'list', items: [{ kind: 'string', value: '00gml2xHE3RYRx7cM0g3' }] },
        { kind: 'string', value: 'group.name' },
        { kind: 'number', value: 40 },
      ],
    });
  });

  test('keeps non-ASCII text in strings as written', () => {
    expect(parseExpression('Groups.startsWith("OKTA", "Équipe ", 5)')).toMatchObject({ args: [{}, { value: 'Équipe ' }, {}] });
  });

  test.each([
    ['getFilteredGroups(app.profile.x, "group.name"', /at character 46: expected "\)"/],
    ['a ? b', /expected ":"/],
    ['user.login + "x"', /at character 12: expected a string, number, name/],
    ['Groups.startsWith("OKTA", "IT", 10) extra', /expected the end of the expression/],
  ])('refuses %s', (text, message) => {
    expect(() => parseExpression(text)).toThrow(ExpressionSyntaxError);
    expect(() => parseExpression(text)).toThrow(message);
  });
});
