import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ProcessRunOptions {
  /** Working directory of the process. */
  readonly cwd: string;
  /** Variables added to this process's environment. @default - none */
  readonly env?: Readonly<Record<string, string>>;
}

export interface ProcessRun {
  /** Wall time from spawn to exit, start-up included: what a CI job waits for. */
  readonly wallMs: number;
  /** The largest peak RSS among the Node processes the command started (npx starts two). */
  readonly peakRssBytes: number;
}

const USAGE_PRELOAD = resolve(__dirname, 'process-usage.cjs');

/**
 * Runs a command as a separate process and measures it. Peak RSS comes from a preload that
 * every Node process of the command inherits through NODE_OPTIONS, so the numbers do not depend
 * on /usr/bin/time being installed. A failing command throws with its output.
 */
export function measureProcess(command: readonly string[], options: ProcessRunOptions): ProcessRun {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-usage-'));
  const usageFile = join(scratch, 'usage.jsonl');
  try {
    const nodeOptions = [process.env.NODE_OPTIONS, `--require ${JSON.stringify(USAGE_PRELOAD)}`].filter(Boolean).join(' ');
    const started = process.hrtime.bigint();
    const result = spawnSync(command[0], command.slice(1), {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, NODE_OPTIONS: nodeOptions, BENCH_USAGE_FILE: usageFile },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(
        `${command.join(' ')} must succeed, but exited with ${result.status ?? result.signal}:\n${result.stderr || result.stdout}`,
      );
    }
    return { wallMs, peakRssBytes: peakRssOf(usageFile, command) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function peakRssOf(usageFile: string, command: readonly string[]): number {
  let lines: string[];
  try {
    lines = readFileSync(usageFile, 'utf8').trim().split('\n');
  } catch {
    throw new Error(`${command.join(' ')} reported no memory use: it must be a Node.js command that honours NODE_OPTIONS`);
  }
  return Math.max(...lines.map((line) => (JSON.parse(line) as { maxRssBytes: number }).maxRssBytes));
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median needs at least one value, but got none');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
