import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export type Certificates = {
  caCertPem: string;
  caCertFile: string;
  leafCertPem: string;
  leafKeyPem: string;
};

const CA_CERT = 'emulator-ca.pem';
const CA_KEY = 'emulator-ca.key.pem';
const LEAF = 'localhost.pem';

/**
 * A root CA (kept) and a localhost leaf signed by it. Node's fetch (undici) has rejected bare self-signed
 * leaves even when trusted through NODE_EXTRA_CA_CERTS, so the leaf is CA-signed (docs/graph-behaviour.md §0.2).
 */
export function ensureCertificates(caDir: string): Certificates {
  mkdirSync(caDir, { recursive: true });
  const caCertFile = join(caDir, CA_CERT);
  if (!existsSync(caCertFile) || !existsSync(join(caDir, CA_KEY))) createCa(caDir);
  const caCertPem = readFileSync(caCertFile, 'utf8');
  const caKeyPem = readFileSync(join(caDir, CA_KEY), 'utf8');
  const leafFile = join(caDir, LEAF);
  if (!existsSync(leafFile) || !leafIsUsable(readFileSync(leafFile, 'utf8'), caCertPem)) {
    writeAtomically(leafFile, createLeaf(caCertPem, caKeyPem));
  }
  const leaf = readFileSync(leafFile, 'utf8');
  return {
    caCertPem,
    caCertFile,
    leafCertPem: pemBlock(leaf, 'CERTIFICATE'),
    leafKeyPem: pemBlock(leaf, 'PRIVATE KEY'),
  };
}

function createCa(caDir: string): void {
  const keys = rsaKeyPair();
  const cert = newCertificate(keys.publicKey, 3650);
  const name = [{ name: 'commonName', value: 'Service Messaging M365 Emulator Local CA' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  // Key first: a reader that finds the certificate can rely on the key being there.
  writeAtomically(join(caDir, CA_KEY), forge.pki.privateKeyToPem(keys.privateKey), 0o600);
  writeAtomically(join(caDir, CA_CERT), forge.pki.certificateToPem(cert));
}

function createLeaf(caCertPem: string, caKeyPem: string): string {
  const caCert = forge.pki.certificateFromPem(caCertPem);
  const keys = rsaKeyPair();
  const cert = newCertificate(keys.publicKey, 825);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 7, ip: '127.0.0.1' },
        { type: 7, ip: '::1' },
      ],
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(caKeyPem) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  // One file for key and certificate, renamed into place, so concurrent starters never pair a key with a foreign cert.
  return forge.pki.privateKeyToPem(keys.privateKey) + forge.pki.certificateToPem(cert);
}

function leafIsUsable(leafPem: string, caCertPem: string): boolean {
  try {
    const leaf = forge.pki.certificateFromPem(pemBlock(leafPem, 'CERTIFICATE'));
    const ca = forge.pki.certificateFromPem(caCertPem);
    const validForAWeek = leaf.validity.notAfter.getTime() > Date.now() + 7 * 86_400_000;
    return validForAWeek && ca.verify(leaf);
  } catch {
    return false;
  }
}

function newCertificate(publicKey: forge.pki.PublicKey, days: number): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // Positive serial: a leading 0 nibble keeps the DER integer from reading as negative.
  cert.serialNumber = '0' + randomBytes(15).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + days * 86_400_000);
  return cert;
}

// Native key generation: node-forge's pure-JS RSA takes seconds per key.
function rsaKeyPair(): { publicKey: forge.pki.rsa.PublicKey; privateKey: forge.pki.rsa.PrivateKey } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    publicKey: forge.pki.publicKeyFromPem(publicKey),
    privateKey: forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey,
  };
}

function pemBlock(pem: string, label: 'CERTIFICATE' | 'PRIVATE KEY'): string {
  const match = new RegExp(`-----BEGIN (RSA )?${label}-----[\\s\\S]+?-----END (RSA )?${label}-----`).exec(
    pem,
  );
  if (!match) throw new Error(`No ${label} block in the emulator certificate file`);
  return match[0] + '\n';
}

function writeAtomically(file: string, text: string, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, text, { mode });
  renameSync(tmp, file);
}
