import { startEmulator, EmulatorOptions, RunningEmulator } from '../../emulator';
import { Json } from '../../emulator/types';

/** The token every emulated org expects; a made-up value, never a real credential. */
export const TEST_API_TOKEN = 'e2e-test-token-not-a-secret';

/** How Terraform reaches the emulator: through the provider's own client (HTTPS proxy) unless a case says otherwise. */
export type Route = 'https-proxy' | 'http-proxy';

/** Starts an emulated org for `orgHost`; stop it with `stop()`. */
export function startOrg(orgHost: string, options: Omit<EmulatorOptions, 'orgHost' | 'apiToken'> = {}): Promise<RunningEmulator> {
  return startEmulator({ orgHost, apiToken: TEST_API_TOKEN, ...options });
}

type JsonObject = Record<string, Json>;

/** The OIDC apps of the org by label. */
export function appsByLabel(org: RunningEmulator): Map<string, JsonObject> {
  return new Map((org.state.apps() as JsonObject[]).map((app) => [app.label as string, app]));
}

/** The group IDs of the org by exact name. */
export function groupIdsByName(org: RunningEmulator): Map<string, string> {
  return new Map((org.state.groups() as JsonObject[]).map((group) => [(group.profile as JsonObject).name as string, group.id as string]));
}

/** An app's free-form profile, parsed when Okta stores it as JSON text. */
export function profileOf(app: JsonObject): JsonObject {
  return (typeof app.profile === 'string' ? JSON.parse(app.profile) : (app.profile ?? {})) as JsonObject;
}
