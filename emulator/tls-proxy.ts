/**
 * The HTTPS proxy way in: answer `CONNECT <orgHost>:443`, terminate TLS with the test leaf
 * certificate and hand the decrypted socket to the same HTTP server. Other hosts are refused,
 * so a misconfigured client can never reach a real Okta org through the emulator.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type SecureContext, TLSSocket, createSecureContext } from 'node:tls';
import type { TestCertificates } from './certificates';

/** Attaches CONNECT handling for `orgHost` to `server`. */
export function attachConnectProxy(server: Server, orgHost: string, certs: TestCertificates): void {
  const secureContext: SecureContext = createSecureContext({ cert: certs.leafCertPem, key: certs.leafKeyPem });
  server.on('connect', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url?.toLowerCase() !== `${orgHost.toLowerCase()}:443`) {
      const message = `emulator only proxies ${orgHost}:443`;
      socket.end(`HTTP/1.1 403 Forbidden\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
      return;
    }
    socket.on('error', () => socket.destroy());
    if (head.length > 0) socket.unshift(head);
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    // Offer only HTTP/1.1: node:http cannot serve HTTP/2 on an adopted socket.
    const tlsSocket = new TLSSocket(socket, { isServer: true, secureContext, ALPNProtocols: ['http/1.1'] });
    tlsSocket.on('error', () => tlsSocket.destroy());
    server.emit('connection', tlsSocket);
  });
}
