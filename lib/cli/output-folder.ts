import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';

/**
 * The file that marks a folder as written by `npm run synth`. Synthesis replaces a folder only
 * when it carries this marker (or is empty, or is a legacy cdktf output that holds nothing
 * else), so `--out .`, `--out ~/work` or `--out some-file` can never delete anything a person
 * put there.
 */
export const SYNTH_MARKER = '.okta-allowlists-synth.json';

/** What cdktf itself writes at the top of its output folder (besides our marker). */
const CDKTF_TOP_LEVEL = new Set(['manifest.json', 'stacks', SYNTH_MARKER]);

/**
 * What synth writes into a stack folder. Everything else in a stack folder was put there by
 * Terraform or by a person (`.terraform/`, `.terraform.lock.hcl`, saved plans, a local state)
 * and is carried over to the new output, so a `synth → plan → edit → synth → plan` loop keeps
 * working without another `terraform init`.
 */
const SYNTHESIZED_STACK_FILES = new Set(['cdk.tf.json']);

/** Thrown when the output folder is not one synth may replace; a usage error, not bad input. */
export class UnsafeOutputFolderError extends Error {
  constructor(target: string, reason: string) {
    super(
      `refusing to write the stacks to ${target}: ${reason}. Synth only replaces a folder it created itself ` +
        `(one holding ${SYNTH_MARKER}). Choose a new or empty folder with --out (or CDKTF_OUTDIR), ` +
        'or move the existing one away yourself. Nothing was written.',
    );
    this.name = 'UnsafeOutputFolderError';
  }
}

/**
 * The output folder to use: `--out`, else a non-empty `CDKTF_OUTDIR` (an empty one would resolve
 * to the current directory), else `cdktf.out`.
 */
export function chooseOutputFolder(out: string | undefined, environment: NodeJS.ProcessEnv = process.env): string {
  if (out !== undefined && out.trim() === '') throw new Error('--out must name a folder, but got an empty string');
  const fromEnvironment = environment.CDKTF_OUTDIR?.trim() ? environment.CDKTF_OUTDIR : undefined;
  return out ?? fromEnvironment ?? 'cdktf.out';
}

/**
 * Refuses any `target` that synth may not replace: an existing file or link, a folder with
 * anything synth did not write, or a folder holding the current directory.
 */
export function assertReplaceable(target: string): void {
  const absolute = resolve(target);
  const fromCwd = relative(absolute, process.cwd());
  if (fromCwd === '' || !fromCwd.startsWith('..'))
    throw new UnsafeOutputFolderError(target, 'it is the current directory or one of its parents');
  if (!existsSync(absolute) && !isDanglingLink(absolute)) return;
  const stat = lstatSync(absolute);
  if (stat.isSymbolicLink()) throw new UnsafeOutputFolderError(target, 'it is a symbolic link');
  if (!stat.isDirectory()) throw new UnsafeOutputFolderError(target, 'it is a file, not a folder');
  const entries = readdirSync(absolute);
  if (entries.length === 0 || entries.includes(SYNTH_MARKER)) return;
  if (entries.every((entry) => CDKTF_TOP_LEVEL.has(entry)) && isCdktfManifest(join(absolute, 'manifest.json'))) return;
  const others = entries.filter((entry) => !CDKTF_TOP_LEVEL.has(entry)).sort();
  const named = others.length
    ? `it holds ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}`
    : 'it has no synth marker';
  throw new UnsafeOutputFolderError(target, `${named}, which synth did not write`);
}

export interface ReplaceOutputOptions {
  /**
   * Keep every stack folder of the previous output that this write leaves out, whole: a synth of
   * some stacks leaves the others (and their `.terraform/`, saved plans, local state) as they were.
   * @default false - the new output replaces the previous one, stack folders included
   */
  readonly keepUnwrittenStacks?: boolean;
}

/**
 * Writes a new output folder through `write(staging)` and swaps it in for `target` only when
 * writing succeeded, so a failure leaves the previous output byte-identical. Terraform's own
 * files in stack folders that exist before and after are carried over.
 */
export function replaceOutputFolder(target: string, write: (staging: string) => void, options: ReplaceOutputOptions = {}): void {
  assertReplaceable(target);
  const absolute = resolve(target);
  mkdirSync(dirname(absolute), { recursive: true });
  // A plain mkdir (not mkdtemp, which makes 0700 folders) so the output gets the user's umask.
  const staging = join(dirname(absolute), `.${basename(absolute)}.staging-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging);
  const previous = `${staging}.previous`;
  try {
    write(staging);
    writeFileSync(
      join(staging, SYNTH_MARKER),
      `${JSON.stringify({ writtenBy: 'npm run synth', note: 'synth replaces this folder whole on every run' })}\n`,
    );
    assertReplaceable(target); // it may have changed while we were writing
    if (existsSync(absolute)) {
      renameSync(absolute, previous);
      carryOverTerraformFiles(previous, staging);
      if (options.keepUnwrittenStacks) keepUnwrittenStacks(previous, staging);
    }
    renameSync(staging, absolute);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(absolute)) renameSync(previous, absolute);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/** Moves what Terraform or a person added to each stack folder of `from` into the same stack of `to`. */
function carryOverTerraformFiles(from: string, to: string): void {
  const stacksFrom = join(from, 'stacks');
  const stacksTo = join(to, 'stacks');
  if (!existsSync(stacksFrom) || !existsSync(stacksTo)) return;
  for (const stack of readdirSync(stacksTo)) {
    const oldStack = join(stacksFrom, stack);
    if (!isDirectory(oldStack)) continue;
    for (const entry of readdirSync(oldStack)) {
      if (!SYNTHESIZED_STACK_FILES.has(entry)) renameSync(join(oldStack, entry), join(stacksTo, stack, entry));
    }
  }
}

/** Moves the stack folders of `from` that `to` does not have into `to`, whole. */
function keepUnwrittenStacks(from: string, to: string): void {
  const stacksFrom = join(from, 'stacks');
  if (!isDirectory(stacksFrom)) return;
  const stacksTo = join(to, 'stacks');
  mkdirSync(stacksTo, { recursive: true });
  for (const stack of readdirSync(stacksFrom)) {
    if (!existsSync(join(stacksTo, stack))) renameSync(join(stacksFrom, stack), join(stacksTo, stack));
  }
}

function isCdktfManifest(file: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { stacks?: unknown };
    return typeof manifest.stacks === 'object' && manifest.stacks !== null;
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && lstatSync(path).isDirectory();
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
