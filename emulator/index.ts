/** Public API of the Okta management API emulator used by end-to-end tests. */
export { startEmulator, type RunningEmulator } from './server';
export { loadSeed, validateSeed } from './seed-validate';
export type { EmulatorState } from './state';
export type { TokenAdmission, TokenRequest } from './token-admission';
export type {
  EmulatorOptions,
  EmulatorSeed,
  FaultRule,
  Json,
  JsonObject,
  RateLimitFamily,
  RateLimitOptions,
  RequestLogEntry,
  SeedApp,
  SeedAuthServer,
  SeedClaim,
  SeedGroup,
  SeedPolicy,
  SeedScope,
  SeedUser,
} from './types';
