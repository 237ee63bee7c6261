import { renderPlanComment } from '../../lib/pipeline/comment';
import { TerraformPlanJson } from '../../lib/pipeline/plan-json';
import { sharedServerChanges } from '../../lib/pipeline/shared-server-changes';

const plan = (...resource_changes: TerraformPlanJson['resource_changes'] & object): TerraformPlanJson => ({
  format_version: '1.2',
  resource_changes,
});
const claim = (actions: string[], before: unknown, after: unknown, importing?: { id: string }) => ({
  address: 'okta_auth_server_claim.default_id_groups',
  mode: 'managed' as const,
  type: 'okta_auth_server_claim',
  change: { actions, before, after, ...(importing && { importing }) },
});
const policy = (before: string[], after: string[] | null) => ({
  address: 'okta_auth_server_policy.partners_access[0]',
  mode: 'managed' as const,
  type: 'okta_auth_server_policy',
  change: {
    actions: ['update'],
    before: { name: 'Allow-listed apps', auth_server_id: 'aus1', client_whitelist: before },
    after: { name: 'Allow-listed apps', auth_server_id: 'aus1', client_whitelist: after },
  },
});

describe('sharedServerChanges', () => {
  test('a shared claim gaining a scope condition is a caution naming both conditions', () => {
    const { cautions, checks } = sharedServerChanges(
      plan(
        claim(
          ['update'],
          { name: 'groups', auth_server_id: 'default', scopes: [] },
          { name: 'groups', auth_server_id: 'default', scopes: ['groups'] },
        ),
      ),
    );
    expect(checks).toEqual([]);
    expect(cautions).toEqual([
      expect.stringMatching(
        /^shared claim "groups" \(okta_auth_server_claim\.default_id_groups\) on server default changes its scope condition from none \(every token request\) to groups: every app on the server, including apps this repository does not manage/,
      ),
    ]);
  });

  test('an update that keeps the scopes (in any order) is not a caution', () => {
    expect(
      sharedServerChanges(plan(claim(['update'], { name: 'g', scopes: ['b', 'a'] }, { name: 'g', scopes: ['a', 'b'] }))).cautions,
    ).toEqual([]);
  });

  test('a new shared claim asks for the Token Preview checks: an unmanaged app and an app with {} profile', () => {
    const { checks } = sharedServerChanges(
      plan(claim(['create'], null, { name: 'groups', auth_server_id: 'default', scopes: ['groups'] })),
    );
    expect(checks).toEqual([
      expect.stringMatching(
        /Token Preview and preview a token requesting the scopes openid groups for \(1\) an app this repository does not manage and \(2\) an app whose profile is \{\}/,
      ),
    ]);
    expect(sharedServerChanges(plan(claim(['create'], null, { name: 'g' }, { id: 'x' }))).checks).toEqual([]);
  });

  test('clients dropped from a managed access policy are a caution; added ones and unknown lists are not', () => {
    expect(sharedServerChanges(plan(policy(['0oa1', '0oa2'], ['0oa2', '0oa3']))).cautions).toEqual([
      expect.stringMatching(
        /^access policy "Allow-listed apps" \(okta_auth_server_policy\.partners_access\[0\]\) on server aus1 stops admitting client\(s\) 0oa1: they get no token/,
      ),
    ]);
    expect(sharedServerChanges(plan(policy(['0oa1'], ['0oa1', '0oa2']))).cautions).toEqual([]);
    expect(sharedServerChanges(plan(policy(['0oa1'], null))).cautions).toEqual([]);
  });

  test('the PR comment shows cautions in its caution block and checks in a warning before approval', () => {
    const shared = sharedServerChanges(
      plan(policy(['0oa1'], []), claim(['create'], null, { name: 'groups', auth_server_id: 'default', scopes: ['groups'] })),
    );
    const body = renderPlanComment({ environment: 'dev', marker: '<!-- m -->', stacks: [{ stack: 'dev--shared', shared }] });
    expect(body).toMatch(
      /> \[!CAUTION\][\s\S]*changes who receives a shared claim or a token[\s\S]*dev--shared: access policy "Allow-listed apps"/,
    );
    expect(body).toMatch(
      /### New shared claims\n\n> \[!WARNING\]\n> \*\*Check these in Okta `dev` before approving the first apply\*\*[\s\S]*> - dev--shared: new shared claim "groups"/,
    );
  });
});
