import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where the repository is: the e2e suite drives its real scripts. */
export const REPO = resolve(__dirname, '../..');

/** The environment every Terraform process of the suite gets (besides the emulator's own). */
export interface Toolchain {
  /** PATH with the Terraform the toolchain chose first. */
  readonly path: string;
  /** CLI config that installs okta/okta 4.20.0 from the local mirror; undefined with the registry. */
  readonly cliConfigFile?: string;
  /** Shared provider cache, so `terraform init` links the 70 MB binary instead of copying it per stack. */
  readonly pluginCacheDir: string;
}

let cached: Toolchain | undefined;

/**
 * Builds or reuses the toolchain through `scripts/e2e-toolchain.sh` (Terraform, and the okta
 * provider built from its verified source archive). `E2E_PROVIDER=registry` skips the mirror so
 * that `terraform init` installs the provider from the registry, for machines with internet.
 */
export function toolchain(): Toolchain {
  if (cached) return cached;
  const pluginCacheDir = join(tmpdir(), 'okta-allowlists-e2e-plugins');
  mkdirSync(pluginCacheDir, { recursive: true });
  if (process.env.E2E_PROVIDER === 'registry') {
    cached = { path: process.env.PATH ?? '', pluginCacheDir };
    return cached;
  }
  // The script prints `export` lines; a shell evaluates them and hands back the two values.
  const output = execFileSync(
    'bash',
    [
      '-c',
      'lines=$("$0" --print-env) && eval "$lines" && printf "%s\\0%s" "$TF_CLI_CONFIG_FILE" "$PATH"',
      join(REPO, 'scripts/e2e-toolchain.sh'),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [cliConfigFile, path] = output.split('\0');
  cached = { path, cliConfigFile, pluginCacheDir };
  return cached;
}

/**
 * A clean environment for Terraform: nothing is inherited from the caller's shell, so a real
 * OKTA_API_TOKEN or proxy setting on the machine can never reach a real org from a test.
 */
export function terraformEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const tools = toolchain();
  return {
    PATH: tools.path,
    HOME: process.env.HOME ?? tmpdir(),
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_PLUGIN_CACHE_DIR: tools.pluginCacheDir,
    ...(tools.cliConfigFile ? { TF_CLI_CONFIG_FILE: tools.cliConfigFile } : {}),
    ...extra,
  };
}
