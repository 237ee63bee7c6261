/** Okta-style object IDs: a 3-character type prefix plus 17 base62 characters (20 in all). */
import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Prefixes Okta uses for the object types the emulator creates. */
export const ID_PREFIX = {
  app: '0oa',
  group: '00g',
  user: '00u',
  authServer: 'aus',
  claim: 'ocl',
  scope: 'scp',
  authServerPolicy: '00p',
  authServerRule: '0pr',
  accessPolicy: 'rst',
} as const;

/** A new random ID with the given prefix. */
export function newId(prefix: string): string {
  let id = prefix;
  while (id.length < 20) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

/** A random OAuth client secret of Okta's length (64 base64url characters). */
export function newSecret(): string {
  let secret = '';
  const chars = ALPHABET + '-_';
  while (secret.length < 64) secret += chars[randomInt(chars.length)];
  return secret;
}

/** Okta's timestamp format: ISO 8601 with milliseconds zeroed. */
export function oktaNow(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
}
