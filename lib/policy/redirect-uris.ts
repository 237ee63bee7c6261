import { JsonPath } from '../load/json-document';
import { AppModel } from '../model/app';

/** One redirect or post-logout redirect URI of an app, with where it is in the file. */
export interface RedirectUri {
  readonly uri: string;
  readonly path: JsonPath;
  /** Undefined when the URI does not parse; the built-in rules already report that. */
  readonly url?: URL;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUrisOf(app: AppModel): RedirectUri[] {
  const of = (field: 'redirectUris' | 'postLogoutRedirectUris', uris: readonly string[]): RedirectUri[] =>
    uris.map((uri, index) => ({ uri, path: ['app', field, index], url: URL.canParse(uri) ? new URL(uri) : undefined }));
  return [...of('redirectUris', app.redirectUris), ...of('postLogoutRedirectUris', app.postLogoutRedirectUris)];
}

export function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname);
}

/** A native app's private-use scheme, a reversed domain name such as "com.acme.app" (RFC 8252 §7.1). */
export function isPrivateUseScheme(url: URL): boolean {
  return /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+:$/.test(url.protocol);
}

/** The host a URI sends users to: its host name, or the domain a private-use scheme is named after. */
export function destinationHost(url: URL): string {
  if (url.protocol === 'https:' || url.protocol === 'http:') return url.hostname.toLowerCase();
  return url.protocol.slice(0, -1).toLowerCase().split('.').reverse().join('.');
}
