import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Socket } from 'node:net';
import { connect } from 'node:tls';
import { type RunningEmulator, startEmulator } from '../../emulator';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ orgHost: 'acme.okta.com', apiToken: 'tok', seed: { groups: [{ name: 'Payroll' }] } });
});
afterAll(() => emu.stop());

/** Opens a CONNECT tunnel through the emulator; resolves with the status and the raw socket. */
function tunnel(target: string): Promise<{ status: number; socket: Socket }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: emu.port, method: 'CONNECT', path: target });
    req.on('connect', (res, socket) => resolve({ status: res.statusCode ?? 0, socket }));
    req.on('error', reject);
    req.end();
  });
}

describe('emulator HTTPS proxy mode', () => {
  it('terminates TLS for the org host with its own CA and serves https links', async () => {
    const { status, socket } = await tunnel('acme.okta.com:443');
    expect(status).toBe(200);
    const ca = readFileSync(emu.caCertFile, 'utf8');
    const body = await new Promise<string>((resolve, reject) => {
      const req = httpsRequest(
        {
          host: 'acme.okta.com',
          path: '/api/v1/groups?limit=1',
          headers: { Authorization: 'SSWS tok' },
          // Verifies the leaf against the emulator's CA for the org host name.
          createConnection: () => connect({ socket, servername: 'acme.okta.com', ca }),
        },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const [group] = JSON.parse(body);
    expect(group._links.users.href).toMatch(/^https:\/\/acme\.okta\.com\/api\/v1\/groups\/00g/);
    socket.destroy();
  });

  it('refuses tunnels to any other host and describes both env modes', async () => {
    const { status, socket } = await tunnel('example.com:443');
    expect(status).toBe(403);
    socket.destroy();
    expect(emu.env('http-proxy')).toEqual({ OKTA_API_TOKEN: 'tok', OKTA_HTTP_PROXY: emu.url });
    expect(emu.env('https-proxy')).toMatchObject({
      OKTA_API_TOKEN: 'tok',
      HTTPS_PROXY: emu.url,
      SSL_CERT_FILE: emu.caCertFile,
      NO_PROXY: '',
    });
  });
});
