import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLatestResults } from '../../bench/benchmarks-file';
import { median } from '../../bench/measure';
import { checkTargets, renderMarkdown, SizeResult } from '../../bench/report';

const MB = 1024 * 1024;
const size = (apps: number, synthMs: number, peakMb: number): SizeResult => ({
  apps,
  runs: 1,
  validateMs: 0,
  synthMs,
  synthPeakRssBytes: peakMb * MB,
  output: {
    bytes: 0,
    resources: 0,
    dataSources: 0,
    plans: [{ environment: 'prod', distinctGroups: 2000, searches: 50, searchRequests: 50 }],
    stacks: [],
  },
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/at least one value/);
  });
});

describe('checkTargets', () => {
  it('fails the time, memory and growth targets when they are exceeded', () => {
    const checks = checkTargets([size(1000, 2000, 300), size(10000, 31000, 900)]);
    const failed = checks.filter((c) => !c.met).map((c) => c.description);
    expect(failed).toEqual(['10,000 apps: validate + synth < 30.00 s', '10,000 / 1,000 time ratio ≤ 12']);
  });

  it('fails the shard target when a one-app PR does not plan 20 times fewer requests, or plans more than one stack per environment', () => {
    const shards = (oneState: number, shard: number, planned: string[]) => ({
      apps: 1000,
      environment: 'prod',
      stacks: 31,
      oneStateRequests: oneState,
      shardMedianRequests: shard,
      shardMaxRequests: shard,
      affected: { app: 'a', planned, skipped: 60, ms: 1 },
    });
    const failed = (s: ReturnType<typeof shards>) =>
      checkTargets([], s)
        .filter((c) => !c.met)
        .map((c) => c.description);
    expect(failed(shards(2000, 80, ['dev--team-01', 'prod--team-01']))).toEqual([]);
    expect(failed(shards(2000, 120, ['dev--team-01', 'prod--team-01']))).toEqual([
      '1,000 apps, prod: a one-app PR makes ≥ 20× fewer Okta requests with shards',
    ]);
    expect(failed(shards(2000, 80, ['prod--team-01', 'prod--shared']))).toEqual([
      '1,000 apps: a one-app PR plans one shard per environment',
    ]);
  });

  it('fails when batched lookups would make more requests than there are groups', () => {
    const wasteful = size(100, 100, 100);
    const plan = { ...wasteful.output.plans[0], distinctGroups: 10, searchRequests: 11 };
    expect(checkTargets([{ ...wasteful, output: { ...wasteful.output, plans: [plan] } }])).toEqual([
      { description: '100 apps, prod: group-resolution requests ≤ distinct groups', measured: '11 ≤ 10', met: false },
    ]);
  });
});

describe('writeLatestResults', () => {
  it('replaces only the text between the markers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchmarks-file-'));
    const file = join(dir, 'BENCHMARKS.md');
    try {
      writeLatestResults(file, 'first table');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n## Before and after\n\nhand-written notes\n`);
      writeLatestResults(file, 'second table');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('second table');
      expect(text).not.toContain('first table');
      expect(text).toContain('hand-written notes');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('renderMarkdown', () => {
  it('reports the run WITH the sample policy under the table', () => {
    const withPolicy = { ...size(10000, 20000, 800), withPolicy: { validateMs: 5200, synthMs: 21000, synthPeakRssBytes: 900 * MB } };
    const markdown = renderMarkdown({ date: new Date('2026-01-01T00:00:00Z'), sizes: [withPolicy], loadBefore: 0, loadAfter: 0 });
    expect(markdown).toContain('10,000 apps WITH the sample policy');
    expect(markdown).toMatch(/validate 5\.20 s, validate \+ synth 21\.00 s, peak RSS 900 MB/);
  });
});

describe('heavy-shape targets', () => {
  const heavy = (apps: number, synthMs: number, overFloor: number, validateMs: number, peakMb: number) => ({
    apps,
    runs: 5,
    floorMs: synthMs / overFloor,
    floorPeakRssBytes: 50 * MB,
    synthMs,
    synthPeakRssBytes: peakMb * MB,
    synthOverFloor: overFloor,
    validateMs,
    pullRequest: apps === 1000 ? { affectedMs: 900, synthMs: 1400, planned: ['dev--a', 'prod--a'] } : undefined,
  });

  it('checks synth, synth / floor, validate, memory and the pull-request path against the issue, and renders the paired ratio', () => {
    const checks = checkTargets([], undefined, [heavy(1000, 1400, 13, 500, 150), heavy(10000, 11000, 10, 9000, 700)]);
    expect(checks.filter((c) => !c.met).map((c) => c.description)).toEqual([
      '1,000 apps, heavy shape with the policy: synth / floor ≤ 12',
      '1,000 apps, heavy shape with the policy: one-app PR, affected + synth ≤ 2.00 s',
      '10,000 apps, heavy shape with the policy: synth peak RSS ≤ 600 MB',
    ]);
    const markdown = renderMarkdown({
      date: new Date(0),
      sizes: [],
      heavy: [heavy(1000, 1400, 13, 500, 150)],
      loadBefore: 0,
      loadAfter: 1,
    });
    expect(markdown).toContain(
      '| 1,000 | 5 | 0.11 s | 1.40 s | 13.0× | 150 MB | 50 MB | 0.50 s | 0.90 s + 1.40 s (plans dev--a, prod--a) |',
    );
  });
});
