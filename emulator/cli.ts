/**
 * Runs the emulator standalone:
 *   npm run emulator -- --seed <file> --org acme.okta.com --port N [--token T] [--classic] [--no-rate-limits]
 * Prints the environment for terraform and serves until interrupted.
 */
import { parseArgs } from 'node:util';
import { loadSeed, startEmulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      org: { type: 'string', default: 'acme.okta.com' },
      port: { type: 'string' },
      token: { type: 'string', default: 'emulator-token' },
      classic: { type: 'boolean', default: false },
      'no-rate-limits': { type: 'boolean', default: false },
    },
  });
  const emulator = await startEmulator({
    orgHost: values.org,
    apiToken: values.token,
    seed: values.seed ? loadSeed(values.seed) : undefined,
    identityEngine: !values.classic,
    rateLimits: values['no-rate-limits'] ? false : undefined,
    port: values.port === undefined ? undefined : Number(values.port),
  });
  console.log(`okta emulator for ${values.org} at ${emulator.url} (admin: ${emulator.url}/__emulator/state, /__emulator/log)`);
  for (const mode of ['http-proxy', 'https-proxy'] as const) {
    const env = Object.entries(emulator.env(mode)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    console.log(`${mode}: ${env.join(' ')}`);
  }
  process.once('SIGINT', () => void emulator.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
