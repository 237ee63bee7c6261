import { driftVerdict } from '../../lib/pipeline/drift-verdict';

const stacks = ['prod--shared', 'prod--payroll', 'prod--hr'].map((stack) => ({
  environment: 'prod',
  stack,
  reason: 'drift runs check every stack',
}));
const codes = (byStack: Record<string, number>) => (stack: string) => byStack[stack];

test('clean only when every stack planned with exit code 0', () => {
  expect(driftVerdict(stacks, codes({ 'prod--shared': 0, 'prod--payroll': 0, 'prod--hr': 0 }))).toEqual({ verdict: 'clean', failed: [] });
});

test('one drifting stack makes the environment drift, even when another failed', () => {
  expect(driftVerdict(stacks, codes({ 'prod--shared': 0, 'prod--payroll': 2, 'prod--hr': 1 }))).toEqual({
    verdict: 'drift',
    failed: ['prod--hr'],
  });
});

test('a failed or missing plan never counts as clean', () => {
  expect(driftVerdict(stacks, codes({ 'prod--shared': 0, 'prod--payroll': 0 }))).toEqual({ verdict: 'unknown', failed: ['prod--hr'] });
});
