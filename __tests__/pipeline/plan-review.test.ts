import { applyFailureBody } from '../../lib/pipeline/apply-report';
import { finishesReviewed, ReviewablePlan, reviewPlan } from '../../lib/pipeline/plan-review';

const app = (label: string, actions = ['create'], extra: Record<string, unknown> = {}) => ({
  address: 'okta_app_oauth.payroll',
  type: 'okta_app_oauth',
  change: { actions, before: null, after: { label, profile: '{"groupallowlist":["00g1"]}' }, after_unknown: { id: true }, ...extra },
});
const claim = (value: string, unknownServer = false) => ({
  address: 'okta_auth_server_claim.groups',
  type: 'okta_auth_server_claim',
  change: {
    actions: ['create'],
    before: null,
    after: { name: 'groups', value, ...(unknownServer ? {} : { app: 'x' }) },
    after_unknown: unknownServer ? { app: true } : {},
  },
});
const plan = (...changes: object[]): ReviewablePlan => ({
  format_version: '1.2',
  resource_changes: changes as ReviewablePlan['resource_changes'],
});
const read = { address: 'data.okta_groups.g', type: 'okta_groups', change: { actions: ['read'], before: null, after: {} } };

describe('reviewPlan: is the plan about to be applied the reviewed one?', () => {
  test('no changes: nothing to apply and nothing to approve, even without a reviewed plan', () => {
    expect(reviewPlan(plan(read, app('P', ['no-op'])), undefined).status).toBe('no-changes');
  });

  test('the same changes as the reviewed plan (key order and reads aside) are reviewed', () => {
    const reviewed = plan(app('Payroll'), read);
    const fresh = JSON.parse(JSON.stringify(plan(app('Payroll')))) as ReviewablePlan;
    expect(reviewPlan(fresh, reviewed)).toEqual({
      status: 'reviewed',
      reason: 'the same 1 change(s) as the plan reviewed on the pull request',
    });
  });

  test('a value, an action or a resource that differs makes it unreviewed, naming what differs', () => {
    expect(reviewPlan(plan(app('Payroll v2')), plan(app('Payroll')))).toEqual(
      expect.objectContaining({ status: 'unreviewed', reason: expect.stringContaining('okta_app_oauth.payroll') }),
    );
    expect(reviewPlan(plan(app('Payroll', ['update'])), plan(app('Payroll'))).status).toBe('unreviewed');
    expect(reviewPlan(plan(app('Payroll'), claim('v')), plan(app('Payroll'))).reason).toContain('okta_auth_server_claim.groups');
    expect(reviewPlan(plan(app('Payroll')), plan(app('Payroll'), claim('v'))).reason).toContain('okta_auth_server_claim.groups');
  });

  test('without a reviewed plan (manual run, a push without a pull request) a plan with changes needs approval', () => {
    expect(reviewPlan(plan(app('Payroll')), undefined)).toEqual({
      status: 'unreviewed',
      reason: 'no plan of this stack was reviewed on a pull request for this commit',
    });
  });

  test('an output change counts as a change', () => {
    const withOutput = (after: unknown): ReviewablePlan => ({
      format_version: '1.2',
      output_changes: { managed_apps: { actions: ['update'], after } },
    });
    expect(reviewPlan(withOutput(['a']), withOutput(['a'])).status).toBe('reviewed');
    expect(reviewPlan(withOutput(['a', 'b']), withOutput(['a'])).status).toBe('unreviewed');
  });
});

describe('finishesReviewed: may the re-plan after a part-way failure be applied?', () => {
  test('what is left of the reviewed plan, with values it could not know yet now known', () => {
    expect(finishesReviewed(plan(claim('v')), plan(app('Payroll'), claim('v', true)))).toEqual({ ok: true, differing: [] });
  });

  test('outputs of new IDs (app_ids) that the reviewed plan could not know, in part or whole, are now known', () => {
    const ids = (after: unknown, afterUnknown: unknown): ReviewablePlan => ({
      format_version: '1.2',
      output_changes: { app_ids: { actions: ['update'], after, after_unknown: afterUnknown } },
    });
    expect(finishesReviewed(ids({ payroll: '0oa1', travel: '0oa2' }, {}), ids({ payroll: '0oa1' }, { travel: true })).ok).toBe(true);
    expect(finishesReviewed(ids({ travel: '0oa2' }, {}), ids(null, true)).ok).toBe(true);
    expect(finishesReviewed(ids({ payroll: '0oa9', travel: '0oa2' }, {}), ids({ payroll: '0oa1' }, { travel: true }))).toEqual({
      ok: false,
      differing: ['output.app_ids'],
    });
  });

  test('anything the reviewed plan did not make is refused', () => {
    expect(finishesReviewed(plan(claim('other')), plan(app('Payroll'), claim('v')))).toEqual({
      ok: false,
      differing: ['okta_auth_server_claim.groups'],
    });
  });
});

test('the apply-failure issue names the stacks, the error and the exact re-run steps', () => {
  const body = applyFailureBody(
    'prod',
    [
      { stack: 'prod--a', outcome: 'failed', error: 'Error: 429 Too Many Requests' },
      { stack: 'prod--b', outcome: 'not-applied' },
      { stack: 'prod--c', outcome: 'applied' },
    ],
    'https://github.com/o/r/actions/runs/1',
    '0123456789abcdef',
  );
  expect(body.startsWith('<!-- okta-groups-claims:apply-failed:prod -->')).toBe(true);
  expect(body).toContain('- `prod--a`: the apply failed');
  expect(body).toContain('- `prod--b`: never applied');
  expect(body).not.toContain('`prod--c`');
  expect(body).toContain('**Re-run all jobs**');
  expect(body).toContain('Error: 429 Too Many Requests');
});
