/** Starts the emulator: one HTTP server on 127.0.0.1 serving plain HTTP and CONNECT/TLS. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCertificates } from './certificates';
import { FaultInjector } from './faults';
import { type Pipeline, handleApiRequest } from './handle-request';
import type { OrgContext } from './http-types';
import { RateLimiter } from './rate-limits';
import { RequestLog } from './request-log';
import { applySeed } from './seed';
import { EmulatorState, Store } from './state';
import { attachConnectProxy } from './tls-proxy';
import type { EmulatorOptions, FaultRule, RateLimitOptions, RequestLogEntry } from './types';

/** A started emulator. */
export interface RunningEmulator {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** PEM file of the test CA, for SSL_CERT_FILE. */
  readonly caCertFile: string;
  /**
   * Environment for a terraform process. 'http-proxy': OKTA_HTTP_PROXY (the SDKs' plain client,
   * provider throttling and retries bypassed). 'https-proxy': HTTPS_PROXY + SSL_CERT_FILE and an
   * empty NO_PROXY (the provider's real client). Both include OKTA_API_TOKEN.
   */
  env(mode: 'http-proxy' | 'https-proxy'): Record<string, string>;
  readonly state: EmulatorState;
  readonly log: readonly RequestLogEntry[];
  clearLog(): void;
  setFaults(rules: FaultRule[]): void;
  setRateLimits(opts: RateLimitOptions | false): void;
  stop(): Promise<void>;
}

/** Starts an emulator for one org on 127.0.0.1 (a free port unless `options.port` is set). */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const store = new Store();
  const org: OrgContext = {
    store,
    orgHost: options.orgHost,
    identityEngine: options.identityEngine ?? true,
    claimScopesMustExist: options.strict?.claimScopesMustExist ?? false,
  };
  applySeed(org, options.seed ?? {});
  const pipeline: Pipeline = {
    org,
    apiToken: options.apiToken,
    limiter: new RateLimiter(options.rateLimits),
    faults: new FaultInjector(options.faults),
    log: new RequestLog(),
  };
  const state = new EmulatorState(store);
  const certs = testCertificates(options.orgHost);
  const certDir = mkdtempSync(join(tmpdir(), 'okta-emulator-'));
  const caCertFile = join(certDir, 'ca.pem');
  writeFileSync(caCertFile, certs.caCertPem);

  const server = createServer((req, res) => void serve(pipeline, state, req, res));
  // Go keeps idle connections open; without this, stop() would wait for them.
  server.keepAliveTimeout = 5000;
  attachConnectProxy(server, options.orgHost, certs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    port,
    url,
    caCertFile,
    state,
    log: pipeline.log.entries,
    env(mode) {
      const token = { OKTA_API_TOKEN: options.apiToken };
      if (mode === 'http-proxy') return { ...token, OKTA_HTTP_PROXY: url };
      // Go reads NO_PROXY, then no_proxy, when the first is empty: clear both.
      return { ...token, HTTPS_PROXY: url, https_proxy: url, SSL_CERT_FILE: caCertFile, NO_PROXY: '', no_proxy: '' };
    },
    clearLog: () => pipeline.log.clear(),
    setFaults: (rules) => pipeline.faults.set(rules),
    setRateLimits: (opts) => pipeline.limiter.configure(opts),
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}

async function serve(pipeline: Pipeline, state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname.startsWith('/__emulator/')) return serveAdmin(pipeline, state, url, res);
  await handleApiRequest(pipeline, req, res, url, Buffer.concat(chunks).toString('utf8'));
}

/** Token-free admin view for standalone use; not logged, not rate limited. */
function serveAdmin(pipeline: Pipeline, state: EmulatorState, url: URL, res: ServerResponse): void {
  const bodies: Record<string, () => unknown> = {
    '/__emulator/state': () => state.snapshot(),
    '/__emulator/log': () => pipeline.log.entries,
  };
  const body: (() => unknown) | undefined = bodies[url.pathname];
  res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body === undefined ? { error: `unknown admin path; try ${Object.keys(bodies).join(', ')}` } : body()));
}
