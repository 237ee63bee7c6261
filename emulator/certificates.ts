/** A throw-away test CA and a leaf certificate for the org host, made at start. */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/** PEM-encoded CA certificate plus the leaf's certificate and key. */
export interface TestCertificates {
  caCertPem: string;
  leafCertPem: string;
  leafKeyPem: string;
}

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string } {
  // node:crypto generates RSA keys natively, far faster than forge's JavaScript implementation.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem) as forge.pki.rsa.PrivateKey;
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e), pem };
}

function newCertificate(publicKey: forge.pki.PublicKey, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // A positive serial: Go refuses negative ones.
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(Date.now() + days * 24 * 3600 * 1000);
  return cert;
}

// RSA key generation dominates start-up; emulators in one process share certificates per host.
const cache = new Map<string, TestCertificates>();

/** A CA and a leaf for `host` signed by it (SAN dNSName, serverAuth, SHA-256), made once per process. */
export function testCertificates(host: string): TestCertificates {
  let certs = cache.get(host);
  if (!certs) {
    certs = createTestCertificates(host);
    cache.set(host, certs);
  }
  return certs;
}

function createTestCertificates(host: string): TestCertificates {
  const ca = keyPair();
  const caCert = newCertificate(ca.publicKey, 30);
  const caName = [{ name: 'commonName', value: 'Okta emulator test CA' }];
  caCert.setSubject(caName);
  caCert.setIssuer(caName);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  caCert.sign(ca.privateKey, forge.md.sha256.create());

  const leaf = keyPair();
  const leafCert = newCertificate(leaf.publicKey, 30);
  leafCert.setSubject([{ name: 'commonName', value: host }]);
  leafCert.setIssuer(caName);
  leafCert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: host }] },
  ]);
  leafCert.sign(ca.privateKey, forge.md.sha256.create());

  return { caCertPem: forge.pki.certificateToPem(caCert), leafCertPem: forge.pki.certificateToPem(leafCert), leafKeyPem: leaf.pem };
}
